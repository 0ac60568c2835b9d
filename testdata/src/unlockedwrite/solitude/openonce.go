package solitude

import (
	"errors"
	"sync"
	"time"
)

var errAlreadyOpen = errors.New("already open")

// Journal: Open can succeed once (an unlocked opened flag, never
// reset), and its helper load fills in the fields before the go
// statement that starts the journal's only goroutine. Silent.
type Journal struct {
	mu      sync.Mutex
	entries []string
	index   map[string]int
	offset  int
	opened  bool
	stop    chan struct{}
}

func (j *Journal) Open(seed []string) error {
	if j.opened {
		return errAlreadyOpen
	}
	j.load(seed)
	j.opened = true
	go j.syncLoop()
	return nil
}

func (j *Journal) load(seed []string) {
	j.entries = seed               // silent: before the first goroutine
	j.index = make(map[string]int) // silent
	j.offset = len(seed)           // silent
}

func (j *Journal) Append(s string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.index[s] = j.offset
	j.entries = append(j.entries, s)
	j.offset++
}

func (j *Journal) Offset(s string) int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.index[s] + j.offset
}

func (j *Journal) syncLoop() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-j.stop:
			return
		case <-t.C:
			j.mu.Lock()
			j.entries = j.entries[:0]
			j.offset++
			j.mu.Unlock()
		}
	}
}

// Tail: the same helper, but Open calls it after the go statement: the
// loop is already running.
type Tail struct {
	mu      sync.Mutex
	entries []string
	offset  int
	opened  bool
	stop    chan struct{}
}

func (t *Tail) Open(seed []string) error {
	if t.opened {
		return errAlreadyOpen
	}
	t.opened = true
	go t.syncLoop()
	t.load(seed)
	return nil
}

func (t *Tail) load(seed []string) {
	t.entries = seed // want `write to t.entries without holding t.mu`
	t.offset++       // want `write to t.offset without holding t.mu`
}

func (t *Tail) Append(s string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.entries = append(t.entries, s)
	t.offset++
}

func (t *Tail) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.entries) + t.offset
}

func (t *Tail) syncLoop() {
	tk := time.NewTicker(time.Second)
	defer tk.Stop()
	for {
		select {
		case <-t.stop:
			return
		case <-tk.C:
			t.mu.Lock()
			t.entries = t.entries[:0]
			t.offset++
			t.mu.Unlock()
		}
	}
}

// Reloader: the helper is also run by Reload, which a caller may run
// while the loop does; Open's guard says nothing about it.
type Reloader struct {
	mu      sync.Mutex
	entries []string
	offset  int
	opened  bool
	stop    chan struct{}
}

func (r *Reloader) Open(seed []string) error {
	if r.opened {
		return errAlreadyOpen
	}
	r.load(seed)
	r.opened = true
	go r.syncLoop()
	return nil
}

func (r *Reloader) Reload(seed []string) { r.load(seed) }

func (r *Reloader) load(seed []string) {
	r.entries = seed // want `write to r.entries without holding r.mu`
	r.offset++       // want `write to r.offset without holding r.mu`
}

func (r *Reloader) Append(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.entries = append(r.entries, s)
	r.offset++
}

func (r *Reloader) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.entries) + r.offset
}

func (r *Reloader) syncLoop() {
	tk := time.NewTicker(time.Second)
	defer tk.Stop()
	for {
		select {
		case <-r.stop:
			return
		case <-tk.C:
			r.mu.Lock()
			r.entries = r.entries[:0]
			r.offset++
			r.mu.Unlock()
		}
	}
}

// Follower: Start opens the file before the go statement (silent), but
// sets the position after it, while the apply loop, whose first tick
// waits for no one, bumps it under the lock.
type Follower struct {
	mu      sync.Mutex
	name    string
	pos     int
	applied int
	stop    chan struct{}
}

func (f *Follower) Start(name string, pos func() int) {
	f.name = name // silent: before the go statement
	go f.applyLoop()
	f.pos = pos() // want `write to f.pos without holding f.mu`
}

func (f *Follower) applyLoop() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-f.stop:
			return
		case <-t.C:
			f.mu.Lock()
			f.pos++
			f.applied++
			f.mu.Unlock()
		}
	}
}

func (f *Follower) Position() (string, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.name, f.pos
}
