// The orphaned sender: the result channel is unbuffered and the
// receiver can leave without receiving.
package orphan

import (
	"context"
	"errors"
	"time"
)

type result struct{ v int }

func fetch() result { return result{1} }

func withTimeout() (result, error) {
	ch := make(chan result) // want `goroutine leak: the send on unbuffered channel ch blocks forever once the receiver returns without receiving`
	go func() {
		ch <- fetch()
	}()
	select {
	case r := <-ch:
		return r, nil
	case <-time.After(time.Second):
		return result{}, errors.New("timeout")
	}
}

func withContext(ctx context.Context) (result, error) {
	ch := make(chan result) // want `goroutine leak: the send on unbuffered channel ch`
	go func() { ch <- fetch() }()
	select {
	case <-ctx.Done():
		return result{}, ctx.Err()
	case r := <-ch:
		return r, nil
	}
}

// Early return between the go statement and the receive.
func earlyReturn(check func() error) (result, error) {
	ch := make(chan result) // want `goroutine leak: the send on unbuffered channel ch`
	go func() { ch <- fetch() }()
	if err := check(); err != nil {
		return result{}, err
	}
	return <-ch, nil
}

// The goroutine is a method that sends on its parameter.
type client struct{ n int }

func (c *client) do(out chan<- int) { out <- c.n }

func (c *client) call(ctx context.Context) (int, error) {
	out := make(chan int) // want `goroutine leak: the send on unbuffered channel out`
	go c.do(out)
	select {
	case v := <-out:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// The receiver waits in a helper that can time out.
func await(ch <-chan int, d time.Duration) (int, bool) {
	select {
	case v := <-ch:
		return v, true
	case <-time.After(d):
		return 0, false
	}
}

func viaAwait() int {
	ch := make(chan int) // want `goroutine leak: the send on unbuffered channel ch`
	go func() { ch <- 42 }()
	v, _ := await(ch, time.Second)
	return v
}

// Two sends: a buffer of 1 would not do, so no fix.
func twoSends(ctx context.Context) int {
	ch := make(chan int) // want `goroutine leak: the send on unbuffered channel ch`
	go func() {
		ch <- 1
		ch <- 2
	}()
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}

// Near-misses, all silent.

// Buffered already.
func buffered(ctx context.Context) (result, error) {
	ch := make(chan result, 1)
	go func() { ch <- fetch() }()
	select {
	case r := <-ch:
		return r, nil
	case <-ctx.Done():
		return result{}, ctx.Err()
	}
}

// The sender selects on ctx.Done() too.
func senderSelects(ctx context.Context) (result, error) {
	ch := make(chan result)
	go func() {
		select {
		case ch <- fetch():
		case <-ctx.Done():
		}
	}()
	select {
	case r := <-ch:
		return r, nil
	case <-ctx.Done():
		return result{}, ctx.Err()
	}
}

// Plain receive on every path.
func plain() result {
	ch := make(chan result)
	go func() { ch <- fetch() }()
	return <-ch
}

// The timeout branch still drains the channel.
func drainsAfterTimeout() (result, error) {
	ch := make(chan result)
	go func() { ch <- fetch() }()
	select {
	case r := <-ch:
		return r, nil
	case <-time.After(time.Second):
		<-ch
		return result{}, errors.New("timeout")
	}
}

// A select in a loop whose other case only logs and loops again.
func loopUntilResult(tick <-chan time.Time) result {
	ch := make(chan result)
	go func() { ch <- fetch() }()
	for {
		select {
		case r := <-ch:
			return r
		case <-tick:
			println("waiting")
		}
	}
}

// The other case is fed by the sender itself, after its send.
func fedBySender() int {
	ch := make(chan int)
	done := make(chan struct{})
	go func() {
		ch <- 1
		close(done)
	}()
	select {
	case v := <-ch:
		return v
	case <-done:
		return 0
	}
}

// The error check runs before the goroutine starts.
func checkFirst(check func() error) (result, error) {
	if err := check(); err != nil {
		return result{}, err
	}
	ch := make(chan result)
	go func() { ch <- fetch() }()
	return <-ch, nil
}

// The channel escapes: someone else may receive.
func escapes(ctx context.Context, sink func(chan result)) (result, error) {
	ch := make(chan result)
	sink(ch)
	go func() { ch <- fetch() }()
	select {
	case r := <-ch:
		return r, nil
	case <-ctx.Done():
		return result{}, ctx.Err()
	}
}

// The helper always receives.
func get(ch <-chan int) int { return <-ch }

func viaGet() int {
	ch := make(chan int)
	go func() { ch <- 42 }()
	return get(ch)
}

// A select in a for loop whose other cases either loop again or leave.
func loopWithDeadline(ctx context.Context, tick <-chan time.Time) (int, error) {
	ch := make(chan int) // want `goroutine leak: the send on unbuffered channel ch`
	go func() { ch <- 42 }()
	for {
		select {
		case v := <-ch:
			return v, nil
		case <-tick:
			println("still waiting")
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}

// n goroutines, n receives: the counted loops pair them up. Silent.
func counted(n int) int {
	ch := make(chan int)
	for i := 0; i < n; i++ {
		go func() { ch <- i }()
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-ch
	}
	return sum
}

// One goroutine, a receive in a counted loop. Silent.
func countedOne(n int) int {
	ch := make(chan int)
	go func() { ch <- 1 }()
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-ch
	}
	return sum
}
