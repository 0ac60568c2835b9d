package g4_poller_locked_err

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestWaitSeesFailure(t *testing.T) {
	calls := 0
	p := NewPoller(func(ctx context.Context) ([]byte, error) {
		calls++
		if calls%2 == 0 {
			return nil, errors.New("503 from config service")
		}
		return []byte("cfg"), nil
	}, time.Millisecond)
	defer p.Stop()
	_, v, _ := p.Wait(0)
	if _, _, err := p.Wait(v); err == nil {
		t.Log("second poll succeeded")
	}
	_ = p.Err()
}
