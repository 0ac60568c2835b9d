// Package lostwakeup: a goroutine started on its own waits on a Cond
// without checking anything, and the one signal is followed by a wait
// for that goroutine.
package lostwakeup

import (
	"strings"
	"sync"
)

// Catalog's indexer may reach Wait after Load signalled: it waits for
// ever, and Load with it at <-c.built.
type Catalog struct {
	mu      sync.Mutex
	cond    *sync.Cond
	raw     string
	entries map[string]string
	built   chan struct{}
}

func NewCatalog() *Catalog {
	c := &Catalog{entries: make(map[string]string), built: make(chan struct{})}
	c.cond = sync.NewCond(&c.mu)
	go c.indexer()
	return c
}

func (c *Catalog) indexer() {
	c.mu.Lock()
	c.cond.Wait() // want `sync.Cond.Wait checks no condition: a signal sent before this goroutine waits is lost, and the signaller then waits for it for ever`
	for _, line := range strings.Split(c.raw, "\n") {
		k, v, ok := strings.Cut(line, "=")
		if ok {
			c.entries[k] = v
		}
	}
	c.mu.Unlock()
	close(c.built)
}

func (c *Catalog) Load(raw string) {
	c.mu.Lock()
	c.raw = raw
	c.cond.Signal()
	c.mu.Unlock()
	<-c.built
}

// A function literal started by the constructor, joined by a
// WaitGroup the goroutine counts down in a defer.
type Warmer struct {
	mu    sync.Mutex
	go_   *sync.Cond
	wg    sync.WaitGroup
	items []string
	warm  int
}

func NewWarmer() *Warmer {
	w := &Warmer{}
	w.go_ = sync.NewCond(&w.mu)
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		w.mu.Lock()
		w.go_.Wait() // want `sync.Cond.Wait checks no condition`
		w.warm = len(w.items)
		w.mu.Unlock()
	}()
	return w
}

func (w *Warmer) Start(items []string) int {
	w.mu.Lock()
	w.items = items
	w.go_.Broadcast()
	w.mu.Unlock()
	w.wg.Wait()
	return w.warm
}

// Near-misses, silent.

// The goroutine loops on a predicate the signaller sets under the lock.
type Provider struct {
	mu       sync.Mutex
	arrived  *sync.Cond
	haveData bool
	blob     []byte
	n        int
	finished sync.WaitGroup
}

func NewProvider() *Provider {
	p := &Provider{}
	p.arrived = sync.NewCond(&p.mu)
	p.finished.Add(1)
	go p.decode()
	return p
}

func (p *Provider) decode() {
	defer p.finished.Done()
	p.mu.Lock()
	defer p.mu.Unlock()
	for !p.haveData {
		p.arrived.Wait()
	}
	p.n = len(p.blob)
}

func (p *Provider) Supply(blob []byte) int {
	p.mu.Lock()
	p.blob = blob
	p.haveData = true
	p.arrived.Signal()
	p.mu.Unlock()
	p.finished.Wait()
	return p.n
}

// The goroutine tells the signaller, under the lock, that it is about
// to wait: the signal cannot come before the Wait releases the lock.
type Handshake struct {
	mu    sync.Mutex
	cond  *sync.Cond
	ready chan struct{}
	done  chan struct{}
	val   int
}

func NewHandshake() *Handshake {
	h := &Handshake{ready: make(chan struct{}), done: make(chan struct{})}
	h.cond = sync.NewCond(&h.mu)
	go h.wait()
	return h
}

func (h *Handshake) wait() {
	h.mu.Lock()
	close(h.ready)
	h.cond.Wait()
	h.val++
	h.mu.Unlock()
	close(h.done)
}

func (h *Handshake) Fire() {
	<-h.ready
	h.mu.Lock()
	h.cond.Signal()
	h.mu.Unlock()
	<-h.done
}

// The signal repeats in a loop: a later one wakes the goroutine.
type Ticker struct {
	mu   sync.Mutex
	cond *sync.Cond
	done chan struct{}
}

func NewTicker() *Ticker {
	t := &Ticker{done: make(chan struct{})}
	t.cond = sync.NewCond(&t.mu)
	go t.wait()
	return t
}

func (t *Ticker) wait() {
	t.mu.Lock()
	t.cond.Wait()
	t.mu.Unlock()
	close(t.done)
}

func (t *Ticker) Stop() {
	for {
		t.mu.Lock()
		t.cond.Broadcast()
		t.mu.Unlock()
		select {
		case <-t.done:
			return
		default:
		}
	}
}

// The goroutine checks, under the lock, the flag the signaller sets
// before signalling: a signal that came first is not waited for.
type Checked struct {
	mu     sync.Mutex
	cond   *sync.Cond
	loaded bool
	seen   bool
	done   chan struct{}
}

func NewChecked() *Checked {
	c := &Checked{done: make(chan struct{})}
	c.cond = sync.NewCond(&c.mu)
	go c.wait()
	return c
}

func (c *Checked) wait() {
	defer close(c.done)
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.loaded {
		c.cond.Wait()
	}
	c.seen = true
}

func (c *Checked) Load() {
	c.mu.Lock()
	c.loaded = true
	c.cond.Signal()
	c.mu.Unlock()
	<-c.done
}
