package lease

import (
	"testing"
	"time"
)

func expectNoErr(tb testing.TB, err error, what string) {
	tb.Helper()
	if err != nil {
		tb.Errorf("%s: unexpected error: %v", what, err)
	}
}

func TestLeaseHandover(t *testing.T) {
	clock := time.Unix(1000, 0)
	m := NewManager(func() time.Time { return clock })

	expectNoErr(t, m.Acquire("db", "a", time.Minute), "acquire a")

	released := make(chan struct{})
	acquired := make(chan error, 1)
	go func() {
		<-released
		acquired <- m.Acquire("db", "b", time.Minute)
	}()

	if err := m.Release("db", "a"); err != nil {
		close(released)
		expectNoErr(t, err, "release a")
	}
	close(released)

	if err := <-acquired; err != nil {
		t.Fatalf("acquire b after release: %v", err)
	}
	if err := m.Acquire("db", "a", time.Minute); err != ErrHeld {
		t.Fatalf("acquire a while b holds: got %v, want ErrHeld", err)
	}
}
