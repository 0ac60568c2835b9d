package watcher

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"
)

type unreachable struct{}

func (unreachable) Fetch(context.Context) (map[string]string, error) {
	return nil, errors.New("dial tcp: connection refused")
}

type staticSource map[string]string

func (s staticSource) Fetch(context.Context) (map[string]string, error) {
	return map[string]string(s), nil
}

func TestPicksUpFakeSource(t *testing.T) {
	w := NewWatcher(unreachable{}, time.Millisecond)
	defer w.Close()

	w.SetSource(staticSource{"mode": "canary"})

	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		if v, _ := w.Get("mode"); v == "canary" {
			return
		}
		runtime.Gosched()
	}
	t.Fatal("watcher never saw the fake source")
}
