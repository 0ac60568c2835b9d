package b2_peer_refresher

import (
	"context"
	"sync"
	"testing"
	"time"
)

type staticResolver []string

func (s staticResolver) Resolve(context.Context) ([]string, error) {
	return append([]string(nil), s...), nil
}

func TestPickWhileRefreshing(t *testing.T) {
	p := newPeerSet(staticResolver{"10.0.0.2:80", "10.0.0.1:80"})
	p.Start(time.Millisecond)
	defer p.Stop()

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				if p.Pick() == "" {
					t.Error("empty pick")
					return
				}
			}
		}()
	}
	wg.Wait()
	if p.Len() != 2 {
		t.Fatalf("len = %d", p.Len())
	}
}
