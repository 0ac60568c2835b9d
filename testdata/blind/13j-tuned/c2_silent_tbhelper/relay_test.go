package relay

import (
	"testing"
	"time"
)

func mustNoErr(tb testing.TB, err error, what string) {
	tb.Helper()
	if err != nil {
		tb.Fatalf("%s: %v", what, err)
	}
}

func TestRelayFanout(t *testing.T) {
	var r Relay
	a, err := r.Subscribe(4)
	mustNoErr(t, err, "subscribe a")
	b, err := r.Subscribe(4)
	mustNoErr(t, err, "subscribe b")

	stop := make(chan struct{})
	got := make(chan int, 2)
	for _, ch := range []<-chan string{a, b} {
		go func() {
			n := 0
			for {
				select {
				case <-stop:
					got <- n
					return
				case _, ok := <-ch:
					if !ok {
						got <- n
						return
					}
					n++
				}
			}
		}()
	}

	for _, m := range []string{"x", "y", "z"} {
		if err := r.Publish(m); err != nil {
			close(stop)
			mustNoErr(t, err, "publish "+m)
		}
	}
	mustNoErr(t, r.Shutdown(), "shutdown")
	time.Sleep(10 * time.Millisecond)
	close(stop)

	total := <-got + <-got
	if total != 6 {
		t.Errorf("delivered %d messages, want 6", total)
	}
}
