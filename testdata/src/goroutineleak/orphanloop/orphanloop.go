// Loops that make a fresh result channel for each iteration's
// goroutine: leaving the iteration without receiving, by a return or
// by going round again, abandons that goroutine on its send.
package orphanloop

import (
	"context"
	"errors"
	"time"
)

// A health monitor: every probe runs in its own goroutine, and a stop
// request returns without draining the probe in flight.
func monitor(stop <-chan struct{}, probe func() bool, report func(bool)) {
	for {
		select {
		case <-stop:
			return
		case <-time.After(time.Second):
			results := make(chan bool) // want `goroutine leak: the send on unbuffered channel results blocks forever once the receiver returns without receiving`
			go func() {
				results <- probe()
				close(results)
			}()
			select {
			case <-stop:
				return
			case ok := <-results:
				report(ok)
			}
		}
	}
}

// A retry loop: on timeout it starts a new attempt and forgets the
// slow one.
func retry(ctx context.Context, call func() error) error {
	for {
		errc := make(chan error) // want `goroutine leak: the send on unbuffered channel errc`
		go func() { errc <- call() }()
		select {
		case err := <-errc:
			if err == nil {
				return nil
			}
		case <-time.After(time.Second):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// A result and an error channel, one of which the worker uses; the
// timeout abandons whichever it is.
func finish(fn func() (int, error), timeout time.Duration) (int, error) {
	vals := make(chan int)   // want `goroutine leak: the send on unbuffered channel vals`
	errs := make(chan error) // want `goroutine leak: the send on unbuffered channel errs`
	go func() {
		v, err := fn()
		if err != nil {
			errs <- err
			return
		}
		vals <- v
	}()
	select {
	case v := <-vals:
		return v, nil
	case err := <-errs:
		return 0, err
	case <-time.After(timeout):
		return 0, errors.New("timeout")
	}
}

// Near-misses, all silent.

// The worker sends on one of two channels and the function waits for
// either: no way out without receiving.
func either(fn func() (int, error)) (int, error) {
	vals := make(chan int)
	errs := make(chan error)
	go func() {
		v, err := fn()
		if err != nil {
			errs <- err
			return
		}
		vals <- v
	}()
	select {
	case v := <-vals:
		return v, nil
	case err := <-errs:
		return 0, err
	}
}

// Each iteration's probe is drained on the way out.
func monitorDrained(stop <-chan struct{}, probe func() bool, report func(bool)) {
	for {
		results := make(chan bool)
		go func() { results <- probe() }()
		select {
		case <-stop:
			<-results
			return
		case ok := <-results:
			report(ok)
		}
	}
}

// Each iteration's channel has room for the result.
func retryBuffered(ctx context.Context, call func() error) error {
	for {
		errc := make(chan error, 1)
		go func() { errc <- call() }()
		select {
		case err := <-errc:
			if err == nil {
				return nil
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// One channel for all the goroutines of the loop, and as many
// receives as goroutines.
func gather(n int, work func(int) int) int {
	out := make(chan int)
	for i := 0; i < n; i++ {
		go func() { out <- work(i) }()
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-out
	}
	return sum
}

// Every iteration receives before going round again.
func sequential(jobs []int, work func(int) int) int {
	sum := 0
	for _, j := range jobs {
		res := make(chan int)
		go func() { res <- work(j) }()
		sum += <-res
	}
	return sum
}
