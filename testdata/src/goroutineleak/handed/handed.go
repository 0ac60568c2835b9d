// Package handed: helpers that start a goroutine and hand its result
// channel to the caller. The caller is the receiver: one that can
// return without receiving strands the helper's goroutine on its send.
package handed

import (
	"errors"
	"time"
)

func resolve(name string) (string, error) {
	if name == "" {
		return "", errors.New("empty")
	}
	return name + ".local", nil
}

type result struct {
	addr string
	err  error
}

// lookupAsync's channel is unbuffered, and Lookup gives up after a
// timeout.
func lookupAsync(name string) <-chan result {
	ch := make(chan result) // want `goroutine leak: the send on unbuffered channel ch blocks forever once Lookup returns without receiving`
	go func() {
		addr, err := resolve(name)
		ch <- result{addr, err}
	}()
	return ch
}

func Lookup(name string, d time.Duration) (string, error) {
	select {
	case r := <-lookupAsync(name):
		return r.addr, r.err
	case <-time.After(d):
		return "", errors.New("timeout")
	}
}

// fetchAsync buffers its one result: the sender never blocks.
func fetchAsync(name string) <-chan result {
	ch := make(chan result, 1)
	go func() {
		addr, err := resolve(name)
		ch <- result{addr, err}
	}()
	return ch
}

func Fetch(name string, d time.Duration) (string, error) {
	select {
	case r := <-fetchAsync(name):
		return r.addr, r.err
	case <-time.After(d):
		return "", errors.New("timeout")
	}
}

// probeAsync's caller always receives.
func probeAsync(name string) chan result {
	ch := make(chan result)
	go func() {
		addr, err := resolve(name)
		ch <- result{addr, err}
	}()
	return ch
}

func Probe(name string) (string, error) {
	r := <-probeAsync(name)
	return r.addr, r.err
}

// watchAsync's caller hands the channel on: who receives is unknown.
func watchAsync(name string) chan result {
	ch := make(chan result)
	go func() {
		addr, err := resolve(name)
		ch <- result{addr, err}
	}()
	return ch
}

func Watch(name string, sink func(<-chan result)) {
	sink(watchAsync(name))
}

// pingAsync is called in a loop: calls and receives pair up by counts.
func pingAsync(name string) chan result {
	ch := make(chan result)
	go func() {
		addr, err := resolve(name)
		ch <- result{addr, err}
	}()
	return ch
}

func PingAll(names []string) int {
	n := 0
	for _, name := range names {
		if r := <-pingAsync(name); r.err == nil {
			n++
		}
	}
	return n
}

// askAll starts one goroutine per mirror on one unbuffered channel;
// Fastest returns on the first good answer, leaving the rest blocked.
func askAll(names []string) chan result {
	out := make(chan result) // want `goroutine leak: the goroutines sending on unbuffered channel out block forever once Fastest leaves its receiving loop early`
	for _, name := range names {
		go func(name string) {
			addr, err := resolve(name)
			out <- result{addr, err}
		}(name)
	}
	return out
}

func Fastest(names []string) string {
	answers := askAll(names)
	for range names {
		if r := <-answers; r.err == nil {
			return r.addr
		}
	}
	return ""
}

// gatherAll's caller receives every answer.
func gatherAll(names []string) chan result {
	out := make(chan result)
	for _, name := range names {
		go func(name string) {
			addr, err := resolve(name)
			out <- result{addr, err}
		}(name)
	}
	return out
}

func All(names []string) []string {
	answers := gatherAll(names)
	var addrs []string
	for range names {
		if r := <-answers; r.err == nil {
			addrs = append(addrs, r.addr)
		}
	}
	return addrs
}
