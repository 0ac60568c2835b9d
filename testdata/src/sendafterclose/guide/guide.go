package guide

import "context"

// guide §7.2 DEADLOCK 2: send on closed channel.
func deadlock2() {
	ch := make(chan int)
	close(ch)
	ch <- 42 // want `send on ch after it was closed`
}

// guide §7.2 FIX 2 (the send is guarded by a context; it deadlocks,
// but nothing is closed).
func noDeadlock2() {
	ch := make(chan int)
	ctx, cancel := context.WithCancel(context.Background())
	select {
	case ch <- 42:
	case <-ctx.Done():
		return
	}
	cancel()
}

// guide §3.6: sends, then close, then range. Correct.
func rangeOver() {
	ch := make(chan int, 3)
	ch <- 10
	ch <- 20
	ch <- 30
	close(ch)
	for v := range ch {
		_ = v
	}
}
