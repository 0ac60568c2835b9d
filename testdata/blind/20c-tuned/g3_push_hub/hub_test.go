package g3_push_hub

import (
	"errors"
	"testing"
)

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestPublishAfterWriteFailure(t *testing.T) {
	h := NewHub(failingWriter{})
	if _, err := h.Subscribe("news"); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Publish("news", []byte("hello")); err == nil {
		t.Fatal("expected write error")
	}
	if _, err := h.Publish("news", []byte("again")); err == nil {
		t.Fatal("expected error after hub exit")
	}
	if err := h.Close(); err == nil {
		t.Fatal("expected Close to report write error")
	}
}
