package g3_hub_broadcast

import (
	"bytes"
	"context"
	"testing"
)

type syncBuf struct{ bytes.Buffer }

func TestBroadcastAfterUnregister(t *testing.T) {
	h := NewHub()
	defer h.Close()
	id := h.Register(context.Background(), &syncBuf{})
	h.Broadcast([]byte("one"))
	h.Unregister(id)
	h.Broadcast([]byte("two"))
	if sent, _ := h.Stats(); sent != 1 {
		t.Fatalf("sent = %d, want 1", sent)
	}
}
