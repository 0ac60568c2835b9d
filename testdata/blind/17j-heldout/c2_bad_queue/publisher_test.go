package wire

import (
	"bufio"
	"context"
	"net"
	"testing"
)

// queue is a small FIFO used to hand values from fake servers to tests.
type queue[T any] struct {
	ch chan T
}

func newQueue[T any](size int) *queue[T] {
	return &queue[T]{ch: make(chan T, size)}
}

func (q *queue[T]) put(v T) { q.ch <- v }

func (q *queue[T]) get(ctx context.Context) (T, error) {
	select {
	case v := <-q.ch:
		return v, nil
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// fakeBroker records the first published frame it receives.
func fakeBroker(t *testing.T, conn net.Conn, frames *queue[Frame]) {
	sc := bufio.NewScanner(conn)
	for sc.Scan() {
		f, err := ParseFrame(sc.Text())
		if err != nil {
			t.Logf("fake broker: %v", err)
			break
		}
		if f.Kind == "PING" {
			continue
		}
		frames.put(f)
		return
	}
}

func TestPublishWritesFrame(t *testing.T) {
	client, server := net.Pipe()
	defer client.Close()
	defer server.Close()

	frames := newQueue[Frame](1)
	go fakeBroker(t, server, frames)

	pub := NewPublisher(client)
	if err := pub.Publish("orders", []byte("id=42")); err != nil {
		t.Fatalf("Publish: %v", err)
	}

	ctx := context.Background()
	got, err := frames.get(ctx)
	if err != nil {
		t.Fatalf("no frame: %v", err)
	}
	if got.Topic != "orders" || got.Payload != "id=42" {
		t.Fatalf("got %+v", got)
	}
}
