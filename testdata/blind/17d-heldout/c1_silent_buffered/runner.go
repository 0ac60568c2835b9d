package dnscheck

import "sync"

var inflight sync.WaitGroup

func runAsync(fn func()) {
	inflight.Add(1)
	go func() {
		defer inflight.Done()
		fn()
	}()
}

func Drain() { inflight.Wait() }
