package broker

import (
	"context"
	"errors"
	"sync"
	"testing"
)

type nopTransport struct{}

func (nopTransport) Publish(string, []byte) error { return nil }

type recordingTransport struct {
	mu    sync.Mutex
	seen  []string
	fails map[string]bool
	want  int
	done  chan struct{}
}

func (r *recordingTransport) Publish(topic string, _ []byte) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.seen = append(r.seen, topic)
	if len(r.seen) == r.want {
		close(r.done)
	}
	if r.fails[topic] {
		return errors.New("publish refused")
	}
	return nil
}

func TestFailuresAreCounted(t *testing.T) {
	topics := []string{"ok", "bad", "ok", "bad", "ok"}

	b := newBroker(nopTransport{})
	rec := &recordingTransport{
		fails: map[string]bool{"bad": true},
		want:  len(topics),
		done:  make(chan struct{}),
	}
	b.swapTransport(rec)

	ctx, cancel := context.WithCancel(context.Background())
	wg := b.Run(ctx, 3)

	for _, topic := range topics {
		b.Enqueue(topic, []byte("x"))
	}
	<-rec.done
	cancel()
	wg.Wait()

	if got := b.Failed(); got != 2 {
		t.Fatalf("failed = %d, want 2", got)
	}
}
