// BAD: recvWithin returns errRecvTimeout when nothing arrives, but mustNoErr ignores
// that error on purpose, so the test passes and the sender stays blocked on `ch <- err`.
package notify

import (
	"errors"
	"testing"
	"time"
)

var errRecvTimeout = errors.New("timed out waiting for value")

type memorySink struct {
	delay time.Duration
	got   []string
}

func (s *memorySink) Deliver(msg string) error {
	time.Sleep(s.delay)
	s.got = append(s.got, msg)
	return nil
}

// recvWithin waits up to d for a value on ch.
func recvWithin(ch chan error, d time.Duration) (error, error) {
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(d):
		return nil, errRecvTimeout
	}
}

// mustNoErr fails the test on unexpected errors. Timeouts are tolerated because
// the shared CI runners are slow.
func mustNoErr(t *testing.T, err error) {
	t.Helper()
	if err == nil || errors.Is(err, errRecvTimeout) {
		return
	}
	t.Fatalf("unexpected error: %v", err)
}

func TestDispatchDeliversInBackground(t *testing.T) {
	sink := &memorySink{delay: 10 * time.Millisecond}
	d := NewDispatcher("prod", sink)

	ch := make(chan error) // want "blocks forever"
	go func() {
		err := d.Dispatch(Event{Topic: "deploy", Payload: "v1.4.2 rolled out"})
		ch <- err
	}()

	dispatchErr, err := recvWithin(ch, 50*time.Millisecond)
	mustNoErr(t, err)
	mustNoErr(t, dispatchErr)
}

func TestDispatchRejectsEmptyTopic(t *testing.T) {
	d := NewDispatcher("prod", &memorySink{})
	if err := d.Dispatch(Event{Topic: "  "}); !errors.Is(err, ErrEmptyTopic) {
		t.Fatalf("Dispatch(empty) = %v, want ErrEmptyTopic", err)
	}
}
