// Package charges tests what the layout of a struct says a mutex
// guards (the fields declared after it) when a goroutine the package
// starts is the reason for the mutex.
package charges

import (
	"errors"
	"sync"
)

type watch struct{ wd, flags uint32 }

// Watcher's mutex is there for its event reader, which reads paths
// under it. The watch table, declared after the mutex too, is the
// caller's alone: AddWatch writes it inside the section it opens for
// paths, RemoveWatch outside it, and the reader never touches it.
// Watcher does not claim to be safe for concurrent method calls.
type Watcher struct {
	mu       sync.Mutex
	watches  map[string]*watch
	paths    map[int]string
	Event    chan string
	done     chan bool
	isClosed bool
}

func NewWatcher() *Watcher {
	w := &Watcher{watches: map[string]*watch{}, paths: map[int]string{}, Event: make(chan string), done: make(chan bool, 1)}
	go w.readEvents()
	return w
}

func (w *Watcher) Close() error {
	if w.isClosed {
		return nil
	}
	w.isClosed = true
	w.done <- true
	for path := range w.watches {
		w.RemoveWatch(path)
	}
	return nil
}

func addWatch(path string) (int, error) { return len(path), nil }

func (w *Watcher) AddWatch(path string, flags uint32) error {
	if w.isClosed {
		return errors.New("closed")
	}
	e, found := w.watches[path]
	if found {
		e.flags |= flags
	}
	w.mu.Lock()
	wd, err := addWatch(path)
	if err != nil {
		w.mu.Unlock()
		return err
	}
	if !found {
		w.watches[path] = &watch{wd: uint32(wd), flags: flags}
		w.paths[wd] = path
	}
	w.mu.Unlock()
	return nil
}

func (w *Watcher) RemoveWatch(path string) error {
	e, ok := w.watches[path]
	if !ok {
		return errors.New("no watch")
	}
	delete(w.watches, path) // not shared with the reader
	w.mu.Lock()
	delete(w.paths, int(e.wd))
	w.mu.Unlock()
	return nil
}

func (w *Watcher) readEvents() {
	for i := 0; ; i++ {
		select {
		case <-w.done:
			close(w.Event)
			return
		default:
		}
		w.mu.Lock()
		name, ok := w.paths[i]
		w.mu.Unlock()
		if ok {
			w.Event <- name
		}
	}
}

// Tailer's reader does read the field it shares with Forget, under the
// mutex, so the unlocked delete races with it.
type Tailer struct {
	mu      sync.Mutex
	offsets map[string]int64
	names   map[int]string
	Lines   chan string
	done    chan struct{}
}

func NewTailer() *Tailer {
	t := &Tailer{offsets: map[string]int64{}, names: map[int]string{}, Lines: make(chan string), done: make(chan struct{})}
	go t.read()
	return t
}

func (t *Tailer) Follow(name string, id int) {
	t.mu.Lock()
	t.names[id] = name
	t.mu.Unlock()
}

func (t *Tailer) Forget(name string, id int) {
	delete(t.offsets, name) // want `write to t.offsets without holding t.mu, declared after it in the struct and held elsewhere to access it`
	t.mu.Lock()
	delete(t.names, id)
	t.mu.Unlock()
}

func (t *Tailer) read() {
	for i := 0; ; i++ {
		select {
		case <-t.done:
			return
		default:
		}
		t.mu.Lock()
		name, ok := t.names[i]
		off := t.offsets[name]
		t.mu.Unlock()
		if ok && off >= 0 {
			t.Lines <- name
		}
	}
}

// Registry starts no goroutine: its mutex is there for callers that
// run beside each other, so the unlocked reset races with Register.
type Registry struct {
	mu      sync.Mutex
	byName  map[string]int
	version int
}

func (r *Registry) Register(name string, v int) {
	r.mu.Lock()
	r.byName[name] = v
	r.version++
	r.mu.Unlock()
}

func (r *Registry) Reset() {
	r.byName = map[string]int{} // want `write to r.byName without holding r.mu, declared after it in the struct and held elsewhere to access it`
	r.mu.Lock()
	r.version++
	r.mu.Unlock()
}

// Buffer's mutex is taken in the goroutines Serve starts, through
// Write and Flush, which touch buf too: buf is shared with them, so the
// release in Close, after the section, races with Buffered.
type Buffer struct {
	mu     sync.Mutex
	buf    []byte
	closed bool
}

func (c *Buffer) Write(p []byte) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return 0
	}
	c.buf = append(c.buf, p...)
	return len(p)
}

func (c *Buffer) Flush() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.buf = c.buf[:0]
}

func (c *Buffer) Buffered() int { return len(c.buf) }

func (c *Buffer) Close() {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.closed = true
	c.mu.Unlock()
	c.buf = nil // want `write to c.buf without holding c.mu, declared after it in the struct and held elsewhere to access it`
}

func Serve(msgs <-chan []byte, backlog func(int), stop <-chan struct{}) {
	c := &Buffer{}
	go func() {
		for m := range msgs {
			c.Write(m)
			backlog(c.Buffered())
			c.Flush()
		}
		c.Close()
	}()
	go func() {
		<-stop
		c.Close()
	}()
}
