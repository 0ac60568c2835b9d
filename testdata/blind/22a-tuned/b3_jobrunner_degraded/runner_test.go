package b3_jobrunner_degraded

import (
	"context"
	"errors"
	"testing"
)

func TestSubmitWhileDegraded(t *testing.T) {
	r := NewRunner(4)
	defer r.Stop()
	fail := func(ctx context.Context) error { return errors.New("disk full") }
	for i := 0; i < 8; i++ {
		if err := r.Submit(fail); err != nil {
			t.Logf("submit %d: %v", i, err)
		}
	}
	r.Recover()
	_ = r.LastFailure()
}
