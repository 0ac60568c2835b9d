// Package helper: a receiving helper that closes the channel it is
// handed while the producers still run.
package helper

import (
	"sync"
	"time"
)

type line struct{ text string }

func tail(name string, out chan<- line) {
	for i := 0; i < 3; i++ {
		out <- line{name}
	}
}

// gather keeps what arrives until nothing has come for quiet, then
// closes the channel: a producer slower than quiet panics on its next
// send.
func gather(in chan line, quiet time.Duration) []line {
	var got []line
	for {
		select {
		case l := <-in:
			got = append(got, l)
		case <-time.After(quiet):
			close(in) // want `in closed by its receiver while another goroutine sends on it`
			return got
		}
	}
}

func Follow(names []string) []line {
	in := make(chan line)
	for _, n := range names {
		go tail(n, in)
	}
	return gather(in, 100*time.Millisecond)
}

// Near-misses, silent.

// gatherAll only receives; the producers' WaitGroup, held in a
// struct, orders the close after the last send.
type follower struct {
	wg sync.WaitGroup
	in chan line
}

func gatherAll(in chan line) []line {
	var got []line
	for l := range in {
		got = append(got, l)
	}
	return got
}

func (f *follower) Follow(names []string) []line {
	f.in = make(chan line)
	for _, n := range names {
		f.wg.Add(1)
		go func(n string) {
			defer f.wg.Done()
			tail(n, f.in)
		}(n)
	}
	go func() {
		f.wg.Wait()
		close(f.in)
	}()
	return gatherAll(f.in)
}

// The only producer closes when it is done.
func FollowOne(name string) []line {
	in := make(chan line)
	go func() {
		defer close(in)
		tail(name, in)
	}()
	return gatherAll(in)
}
