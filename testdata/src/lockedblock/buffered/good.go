package buffered

import (
	"fmt"
	"sync"
	"time"
)

// Close sends its one stop signal into room for one; the loop
// receives it once and returns, so the send never waits, even though
// the loop's ticker case locks w.mu.
type watcher struct {
	mu     sync.Mutex
	n      int
	closed bool
	stop   chan struct{}
}

func newWatcher() *watcher {
	w := &watcher{stop: make(chan struct{}, 1)}
	go w.loop()
	return w
}

func (w *watcher) Close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed = true
	w.stop <- struct{}{}
}

func (w *watcher) loop() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			w.mu.Lock()
			w.n++
			w.mu.Unlock()
		}
	}
}

// The receiver never takes l.mu: it always drains.
type logger struct {
	mu    sync.Mutex
	n     int
	lines chan string
}

func newLogger() *logger {
	l := &logger{lines: make(chan string, 8)}
	go l.print()
	return l
}

func (l *logger) Log(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.n++
	l.lines <- s
}

func (l *logger) print() {
	for s := range l.lines {
		fmt.Println(s)
	}
}

// The receiver locks its own other mutex, not the one the sender holds.
type sink struct {
	mu    sync.Mutex
	outMu sync.Mutex
	out   []string
	in    chan string
}

func newSink() *sink {
	k := &sink{in: make(chan string, 1)}
	go k.collect()
	return k
}

func (k *sink) Put(s string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.in <- s
}

func (k *sink) collect() {
	for s := range k.in {
		k.outMu.Lock()
		k.out = append(k.out, s)
		k.outMu.Unlock()
	}
}

// The sender releases the lock before it sends.
type counter struct {
	mu   sync.Mutex
	n    int
	tick chan int
}

func newCounter() *counter {
	c := &counter{tick: make(chan int, 1)}
	go c.watch()
	return c
}

func (c *counter) Inc() {
	c.mu.Lock()
	c.n++
	n := c.n
	c.mu.Unlock()
	c.tick <- n
}

func (c *counter) watch() {
	for range c.tick {
		c.mu.Lock()
		c.n = 0
		c.mu.Unlock()
	}
}

// A one-shot reply: one send into room for one, received once.
type cache struct {
	mu   sync.Mutex
	v    int
	hits int
}

func (c *cache) Load() int {
	reply := make(chan int, 1)
	go func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		reply <- c.v
	}()
	c.mu.Lock()
	c.hits++
	c.mu.Unlock()
	return <-reply
}

// One send per goroutine into a buffer sized to the goroutines: the
// sends never wait, though the collector locks mu between receives.
func collect(n int) {
	var mu sync.Mutex
	total := 0
	running := make(chan bool, 100)
	for i := 0; i < 100; i++ {
		go func() {
			mu.Lock()
			running <- true
			mu.Unlock()
		}()
	}
	for i := 0; i < 100; i++ {
		mu.Lock()
		total++
		mu.Unlock()
		<-running
	}
}

// A non-blocking send drops the wake-up when the slot is full.
type flag struct {
	mu   sync.Mutex
	set  bool
	wake chan struct{}
}

func newFlag() *flag {
	f := &flag{wake: make(chan struct{}, 1)}
	go f.wait()
	return f
}

func (f *flag) Set() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.set = true
	select {
	case f.wake <- struct{}{}:
	default:
	}
}

func (f *flag) wait() {
	for range f.wake {
		f.mu.Lock()
		f.set = false
		f.mu.Unlock()
	}
}

var _ = []any{newStats, newQueue, newWatcher, newLogger, newSink, newCounter, newFlag, collect}
