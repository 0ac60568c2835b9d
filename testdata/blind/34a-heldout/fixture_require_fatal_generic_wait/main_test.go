// GOOD: h.require calls h.t.Fatalf whenever waitFor reports a timeout, so the test
// stops as failed; the popper goroutine can only be stranded in a failed test.
package jobs

import (
	"testing"
	"time"
)

type harness struct {
	t *testing.T
	q *Queue
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	q := NewQueue()
	t.Cleanup(q.Close)
	return &harness{t: t, q: q}
}

// require stops the test when cond is false.
func (h *harness) require(cond bool, format string, args ...any) {
	h.t.Helper()
	if !cond {
		h.t.Fatalf(format, args...)
	}
}

func waitFor[T any](ch <-chan T, d time.Duration) (T, bool) {
	select {
	case v := <-ch:
		return v, true
	case <-time.After(d):
		var zero T
		return zero, false
	}
}

func TestPopBlocksUntilPush(t *testing.T) {
	h := newHarness(t)

	popped := make(chan Job)
	go func() {
		j, err := h.q.Pop()
		if err != nil {
			j = Job{ID: -1}
		}
		popped <- j
	}()

	time.Sleep(10 * time.Millisecond)
	h.q.Push(Job{ID: 7, Data: "resize"})

	j, ok := waitFor(popped, time.Second)
	h.require(ok, "Pop did not return within 1s of Push")
	h.require(j.ID == 7, "popped job %d, want 7", j.ID)
}

func TestPopAfterCloseReturnsErr(t *testing.T) {
	h := newHarness(t)
	h.q.Close()
	_, err := h.q.Pop()
	h.require(err == ErrClosed, "Pop after Close = %v, want ErrClosed", err)
}
