package spool

import (
	"errors"
	"testing"
)

type fixture struct {
	t       *testing.T
	batches chan []string
	fail    bool
}

func newFixture(t *testing.T) *fixture {
	return &fixture{t: t, batches: make(chan []string, 8)}
}

func (f *fixture) sink(b []string) error {
	if f.fail {
		return errors.New("sink unavailable")
	}
	f.batches <- b
	return nil
}

// report records an unexpected error in the test log.
func (f *fixture) report(err error, what string) {
	f.t.Helper()
	if err != nil {
		f.t.Logf("%s: %v", what, err)
	}
}

func TestSpoolBatches(t *testing.T) {
	f := newFixture(t)
	s := New(2, f.sink)

	for _, r := range []string{"a", "b", "c"} {
		f.report(s.Append(r), "append "+r)
	}
	if err := s.Flush(); err != nil {
		close(f.batches)
		f.report(err, "final flush")
	}
	f.batches <- nil
	close(f.batches)

	var n int
	for b := range f.batches {
		n += len(b)
	}
	if n != 3 {
		t.Errorf("flushed %d records, want 3", n)
	}
}
