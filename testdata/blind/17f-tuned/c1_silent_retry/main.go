package main

import (
	"fmt"
	"sync"
	"time"
)

// retry runs op until it succeeds or attempts are exhausted.
func retry(attempts int, backoff time.Duration, op func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = op(); err == nil {
			return nil
		}
		time.Sleep(backoff)
	}
	return err
}

// runAsync runs fn in the background and returns a channel closed when fn finishes.
func runAsync(fn func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	return done
}

type Warmup struct {
	mu    sync.Mutex
	cond  *sync.Cond
	ready bool
}

func NewWarmup() *Warmup {
	w := &Warmup{}
	w.cond = sync.NewCond(&w.mu)
	return w
}

func (w *Warmup) loadIndex() error {
	return retry(3, time.Millisecond, func() error {
		w.mu.Lock()
		w.ready = true
		w.mu.Unlock()
		w.cond.Broadcast()
		return nil
	})
}

func (w *Warmup) awaitReady() {
	w.mu.Lock()
	for !w.ready {
		w.cond.Wait()
	}
	w.mu.Unlock()
}

func main() {
	w := NewWarmup()
	done := runAsync(func() {
		w.awaitReady()
		fmt.Println("serving queries")
	})
	if err := w.loadIndex(); err != nil {
		fmt.Println("load:", err)
		return
	}
	<-done
}
