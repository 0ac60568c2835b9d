package g2_eventbus_closed_flag

import (
	"context"
	"errors"
	"testing"
)

type flakySink struct{ n int }

func (f *flakySink) Deliver(ctx context.Context, ev Event) error {
	f.n++
	if f.n > 2 {
		return errors.New("sink: connection reset")
	}
	return nil
}

func TestEmitAfterSinkFailure(t *testing.T) {
	l := NewListener(&flakySink{}, 4)
	var last error
	for i := 0; i < 100 && last == nil; i++ {
		last = l.Emit(Event{Name: "tick"})
	}
	l.Close()
	if err := l.Emit(Event{Name: "late"}); err == nil {
		t.Fatal("emit after close succeeded")
	}
}
