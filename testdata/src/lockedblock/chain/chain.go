// Package chain: a goroutine that waits, holding a mutex, on a channel
// it was handed as a parameter, whose only closer must first wait for
// a goroutine that takes that mutex (kubernetes#26980's listener).
package chain

import "sync"

type listener struct {
	lock    sync.Mutex
	pending []int
}

func newListener() *listener { return &listener{} }

// pop holds l.lock until stop is closed.
func (l *listener) pop(stop <-chan struct{}) {
	l.lock.Lock()
	defer l.lock.Unlock()
	<-stop // want `receive from stop while holding l.lock: the goroutine that sends on or closes it first waits for a goroutine that must lock it \(deadlock\)`
}

// run closes stop only once the helper has taken the listener's lock,
// which pop holds until stop is closed.
func run() {
	l := newListener()
	stop := make(chan struct{})
	defer close(stop)
	go l.pop(stop)
	result := make(chan struct{})
	go func() {
		l.lock.Lock()
		close(result)
		l.lock.Unlock()
	}()
	<-result
}

// popUnlocked releases the lock before it waits: silent.
func (l *listener) popUnlocked(stop <-chan struct{}) {
	l.lock.Lock()
	l.pending = nil
	l.lock.Unlock()
	<-stop
}

func runUnlocked() {
	l := newListener()
	stop := make(chan struct{})
	defer close(stop)
	go l.popUnlocked(stop)
	result := make(chan struct{})
	go func() {
		l.lock.Lock()
		close(result)
		l.lock.Unlock()
	}()
	<-result
}

// A helper that does not need the lock: silent.
type quiet struct {
	lock sync.Mutex
	n    int
}

func (q *quiet) wait(stop <-chan struct{}) {
	q.lock.Lock()
	defer q.lock.Unlock()
	<-stop
}

func runQuiet() {
	q := &quiet{}
	stop := make(chan struct{})
	defer close(stop)
	go q.wait(stop)
	result := make(chan struct{})
	go func() {
		close(result)
	}()
	<-result
}

// A select with a stop case whose partner does not need the lock:
// silent, the waiter leaves by it.
type board struct {
	lock sync.Mutex
}

func (b *board) wait(stop, quit <-chan struct{}) {
	b.lock.Lock()
	defer b.lock.Unlock()
	select {
	case <-stop:
	case <-quit:
	}
}

func runBoard() {
	b := &board{}
	stop := make(chan struct{})
	quit := make(chan struct{})
	defer close(stop)
	go b.wait(stop, quit)
	result := make(chan struct{})
	go func() {
		b.lock.Lock()
		close(result)
		b.lock.Unlock()
	}()
	go func() { close(quit) }()
	<-result
}

// The closer waits for the helper before it starts the waiter: the
// helper has its lock and released it before pop exists. Silent.
func runBefore() {
	l := newListener()
	stop := make(chan struct{})
	result := make(chan struct{})
	go func() {
		l.lock.Lock()
		close(result)
		l.lock.Unlock()
	}()
	<-result
	go l.pop2(stop)
	close(stop)
}

func (l *listener) pop2(stop <-chan struct{}) {
	l.lock.Lock()
	defer l.lock.Unlock()
	<-stop
}

// Exported, pop may be handed any channel: silent.
func (l *listener) Pop(stop <-chan struct{}) {
	l.lock.Lock()
	defer l.lock.Unlock()
	<-stop
}

func runExported() {
	l := newListener()
	stop := make(chan struct{})
	defer close(stop)
	go l.Pop(stop)
	result := make(chan struct{})
	go func() {
		l.lock.Lock()
		close(result)
		l.lock.Unlock()
	}()
	<-result
}

// A receiver that takes the channel as a parameter and needs no lock:
// push is silent, though the other receiver locks r.mu first. That
// receiver itself waits holding r.mu for push, which needs it.
type relay struct {
	mu  sync.Mutex
	out chan int
}

func newRelay() *relay {
	r := &relay{out: make(chan int)}
	go drain(r.out)
	return r
}

func (r *relay) push(v int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.out <- v
}

func (r *relay) drainLocked() {
	r.mu.Lock()
	<-r.out // want `receive from r.out while holding r.mu, which every send on or close of it needs`
	r.mu.Unlock()
}

func drain(ch chan int) {
	for range ch {
	}
}
