// Package fanin: results of goroutines started in a loop, collected by
// a counted loop on one unbuffered channel. Leaving that loop early
// (first error, cancellation, timeout) strands every goroutine not yet
// received from.
package fanin

import (
	"context"
	"errors"
	"testing"
	"time"
)

// The classic: return on the first error.
func firstError(jobs []int, work func(int) error) error {
	errc := make(chan error) // want `goroutine leak: the goroutines sending on unbuffered channel errc block forever once the collecting loop returns early`
	for _, j := range jobs {
		go func() { errc <- work(j) }()
	}
	for range jobs {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// Cancellation while collecting.
func fetchAll(ctx context.Context, urls []string, get func(string) int) (int, error) {
	results := make(chan int) // want `goroutine leak: the goroutines sending on unbuffered channel results block forever`
	for _, u := range urls {
		go func() { results <- get(u) }()
	}
	total := 0
	for i := 0; i < len(urls); i++ {
		select {
		case r := <-results:
			total += r
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	return total, nil
}

// A deadline for the whole batch, the goroutine a named function.
func batch(n int, timeout time.Duration) ([]int, error) {
	out := make(chan int) // want `goroutine leak: the goroutines sending on unbuffered channel out block forever`
	for i := 0; i < n; i++ {
		go square(i, out)
	}
	deadline := time.After(timeout)
	var got []int
	for i := 0; i < n; i++ {
		select {
		case v := <-out:
			got = append(got, v)
		case <-deadline:
			return got, errors.New("timeout")
		}
	}
	return got, nil
}

func square(i int, out chan<- int) { out <- i * i }

// Stopping at the first match.
func anyMatch(items []string, match func(string) bool) bool {
	found := make(chan bool) // want `goroutine leak: the goroutines sending on unbuffered channel found block forever`
	for _, it := range items {
		go func() { found <- match(it) }()
	}
	for range items {
		if <-found {
			return true
		}
	}
	return false
}

// Silent: every goroutine is received from.
func sum(jobs []int, work func(int) int) int {
	out := make(chan int)
	for _, j := range jobs {
		go func() { out <- work(j) }()
	}
	total := 0
	for range jobs {
		total += <-out
	}
	return total
}

// Silent: a buffer as large as the batch.
func firstErrorBuffered(jobs []int, work func(int) error) error {
	errc := make(chan error, len(jobs))
	for _, j := range jobs {
		go func() { errc <- work(j) }()
	}
	for range jobs {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// Silent: the senders give up with the context.
func fetchAllSelect(ctx context.Context, urls []string, get func(string) int) (int, error) {
	results := make(chan int)
	for _, u := range urls {
		go func() {
			select {
			case results <- get(u):
			case <-ctx.Done():
			}
		}()
	}
	total := 0
	for range urls {
		select {
		case r := <-results:
			total += r
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	return total, nil
}

// Silent: leaving early, it drains the rest first.
func firstErrorDrained(jobs []int, work func(int) error) error {
	errc := make(chan error)
	for _, j := range jobs {
		go func() { errc <- work(j) }()
	}
	var first error
	i := 0
	for ; i < len(jobs); i++ {
		if err := <-errc; err != nil {
			first = err
			i++
			break
		}
	}
	for ; i < len(jobs); i++ {
		<-errc
	}
	return first
}

// Silent: a goroutine drains what is left.
func firstErrorBackground(jobs []int, work func(int) error) error {
	errc := make(chan error)
	for _, j := range jobs {
		go func() { errc <- work(j) }()
	}
	for i := range jobs {
		if err := <-errc; err != nil {
			go func() {
				for range len(jobs) - i - 1 {
					<-errc
				}
			}()
			return err
		}
	}
	return nil
}

// Silent: a closer goroutine and a range; not a counted collection.
func collect(jobs []int, work func(int) int, wait func()) []int {
	out := make(chan int)
	for _, j := range jobs {
		go func() { out <- work(j) }()
	}
	go func() { wait(); close(out) }()
	var got []int
	for v := range out {
		got = append(got, v)
	}
	return got
}

// Silent: the early way out fails the test, which then ends.
func TestWorkers(t *testing.T) {
	errc := make(chan error)
	for i := range 4 {
		go func() {
			if i < 0 {
				errc <- errors.New("negative")
				return
			}
			errc <- nil
		}()
	}
	for range 4 {
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
	}
}

// Silent: the loop is left early only after failing the test, here
// through the testing.TB interface (a helper shared by tests and
// benchmarks): the test ends there.
func checkAll(tb testing.TB, jobs []int, work func(int) error) {
	errc := make(chan error)
	for _, j := range jobs {
		go func() { errc <- work(j) }()
	}
	for range jobs {
		if err := <-errc; err != nil {
			tb.Fatal(err)
			return
		}
	}
}
