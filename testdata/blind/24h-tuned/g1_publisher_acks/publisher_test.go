// Correct: the test starts one ack-draining goroutine; it parks on ackChan after Stop and dies with the test binary.
package g1_publisher_acks

import (
	"errors"
	"sync"
	"testing"
)

type flakySink struct {
	mu    sync.Mutex
	calls int
	got   [][]byte
}

func (s *flakySink) Deliver(id uint64, payload []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	if s.calls%3 == 0 {
		return errors.New("transient")
	}
	s.got = append(s.got, payload)
	return nil
}

func TestPublisherDeliversEverythingBeforeStop(t *testing.T) {
	sink := &flakySink{}
	ackChan := make(chan uint64)
	// Acks are not what this test checks; just keep the publisher unblocked.
	go func() {
		for {
			<-ackChan
		}
	}()

	p := NewPublisher(sink, ackChan)
	for i := 0; i < 20; i++ {
		if err := p.Publish([]byte{byte(i)}); err != nil {
			t.Fatal(err)
		}
	}
	p.Stop()

	if err := p.Publish([]byte("late")); !errors.Is(err, ErrStopped) {
		t.Fatalf("Publish after Stop = %v", err)
	}
	sink.mu.Lock()
	defer sink.mu.Unlock()
	if len(sink.got) != 20 {
		t.Fatalf("delivered %d payloads, want 20", len(sink.got))
	}
}
