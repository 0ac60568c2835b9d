// Package lookup queries a backend with a timeout, leaking the query
// goroutine when the timeout wins, and deadlocks on its own channel.
package lookup

import (
	"errors"
	"time"
)

// ErrTimeout is returned when the backend is too slow.
var ErrTimeout = errors.New("lookup timed out")

// Query asks backend for key, waiting at most d.
func Query(key string, d time.Duration, backend func(string) string) (string, error) {
	ch := make(chan string) // finding: goroutineleak
	go func() {
		ch <- backend(key)
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(d):
		return "", ErrTimeout
	}
}

// Double doubles x by way of an unbuffered channel that only this
// goroutine uses: the send waits for a receiver that never comes.
func Double(x int) int {
	ch := make(chan int)
	ch <- 2 * x // finding: selfdeadlock
	return <-ch
}
