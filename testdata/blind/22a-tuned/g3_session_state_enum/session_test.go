package g3_session_state_enum

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

type fakeBackend struct{ pings atomic.Int32 }

func (f *fakeBackend) Ping(ctx context.Context) error {
	if f.pings.Add(1) > 3 {
		return errors.New("broken pipe")
	}
	return nil
}

func (f *fakeBackend) Exec(ctx context.Context, q string) (string, error) { return "ok:" + q, nil }

func TestDoAfterKeepaliveFailure(t *testing.T) {
	s := Open(&fakeBackend{}, time.Millisecond)
	defer s.Close()
	deadline := time.Now().Add(time.Second)
	for time.Now().Before(deadline) {
		if _, err := s.Do(context.Background(), "select 1"); err != nil {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("session never failed")
}
