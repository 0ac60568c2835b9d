package b4_stream_watch

import (
	"context"
	"testing"
)

func TestWatchDeliversTwoUpdates(t *testing.T) {
	hub := NewHub()
	stream := hub.Watch("config/feature")

	watchCtx, watchCancel := context.WithCancel(context.Background())
	defer watchCancel()

	done := make(chan struct{})
	var got []Update
	go func() {
		for {
			select {
			case <-watchCtx.Done():
				return
			default:
				u, err := stream.Recv()
				if err != nil {
					t.Errorf("recv: %v", err)
					watchCancel()
					return
				}
				got = append(got, u)
				if len(got) == 2 {
					watchCancel()
					close(done)
				}
			}
		}
	}()

	hub.Put("config/feature", "on")
	hub.Put("config/feature", "off")
	<-done // BAD: on a Recv error the goroutine cancels watchCtx and returns without closing done

	if got[0].Value != "on" || got[1].Value != "off" {
		t.Fatalf("unexpected updates: %+v", got)
	}
	if got[1].Rev <= got[0].Rev {
		t.Fatalf("revisions not increasing: %d then %d", got[0].Rev, got[1].Rev)
	}
}
