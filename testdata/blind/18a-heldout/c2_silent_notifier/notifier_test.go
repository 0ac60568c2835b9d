package notify

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

type countingGateway struct{ n atomic.Int64 }

func (g *countingGateway) Deliver(ctx context.Context, n Notification) error {
	g.n.Add(1)
	return nil
}

func TestStopWhilePushing(t *testing.T) {
	gw := &countingGateway{}
	n := New(gw, 4)
	ctx := context.Background()

	var wg sync.WaitGroup
	for c := 0; c < 6; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				if err := n.Push(ctx, Notification{DeviceToken: "tok", Title: "hi"}); err != nil {
					return
				}
			}
		}()
	}
	time.Sleep(5 * time.Millisecond)
	n.Stop()
	wg.Wait()
	t.Logf("delivered %d", gw.n.Load())
}
