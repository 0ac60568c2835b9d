// Correct: the subscriber goroutine selects on done, which the test closes via defer on every return path, including the early success return.
package g3_pubsub_done_chan

import "testing"

type subscription struct {
	C    <-chan Message
	done chan struct{}
}

func (s *subscription) Close() { close(s.done) }

func subscribe(b *Broker, topic string) *subscription {
	out := make(chan Message)
	sub := &subscription{C: out, done: make(chan struct{})}
	go func() {
		for _, m := range b.Snapshot(topic) {
			select {
			case out <- m:
			case <-sub.done:
				return
			}
		}
	}()
	return sub
}

func TestSubscriberSeesDeployEvent(t *testing.T) {
	b := NewBroker()
	for _, body := range []string{"build", "test", "deploy", "notify", "cleanup"} {
		b.Publish("ci", body)
	}

	sub := subscribe(b, "ci")
	defer sub.Close()

	n := 0
	for m := range sub.C {
		n++
		if m.Body == "deploy" {
			if n != 3 {
				t.Fatalf("deploy at position %d, want 3", n)
			}
			return
		}
	}
	t.Fatal("never saw deploy")
}
