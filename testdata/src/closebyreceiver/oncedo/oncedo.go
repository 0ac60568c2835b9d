// Package oncedo covers closes made idempotent with a sync.Once: the
// Do runs its literal in place, so the close is judged as Close's own.
package oncedo

import (
	"sync"
	"time"
)

// Ticker's Close closes ticks inside the Once while the loop may be
// sending: reported.
type Ticker struct {
	ticks    chan time.Time
	quit     chan struct{}
	stopOnce sync.Once
}

func NewTicker() *Ticker {
	t := &Ticker{ticks: make(chan time.Time), quit: make(chan struct{})}
	go t.loop()
	return t
}

func (t *Ticker) loop() {
	for {
		select {
		case <-t.quit:
			return
		case now := <-time.After(time.Second):
			t.ticks <- now
		}
	}
}

func (t *Ticker) C() <-chan time.Time { return t.ticks }

func (t *Ticker) Close() {
	t.stopOnce.Do(func() {
		close(t.quit)
		close(t.ticks) // want `t.ticks closed while another goroutine may still send on it`
	})
}

// Reader's Once closes only quit; the loop closes its own out: silent.
type Reader struct {
	out  chan []byte
	quit chan struct{}
	once sync.Once
}

func NewReader() *Reader {
	r := &Reader{out: make(chan []byte), quit: make(chan struct{})}
	go r.loop()
	return r
}

func (r *Reader) loop() {
	defer close(r.out)
	for {
		select {
		case <-r.quit:
			return
		case r.out <- nil:
		}
	}
}

func (r *Reader) Close() { r.once.Do(func() { close(r.quit) }) }

// Pump's Once waits for the loop before closing out: silent.
type Pump struct {
	out  chan int
	quit chan struct{}
	wg   sync.WaitGroup
	once sync.Once
}

func NewPump() *Pump {
	p := &Pump{out: make(chan int), quit: make(chan struct{})}
	p.wg.Add(1)
	go p.loop()
	return p
}

func (p *Pump) loop() {
	defer p.wg.Done()
	for {
		select {
		case <-p.quit:
			return
		case p.out <- 1:
		}
	}
}

func (p *Pump) Close() {
	p.once.Do(func() {
		close(p.quit)
		p.wg.Wait()
		close(p.out)
	})
}

// Feed waits before the Do: silent.
type Feed struct {
	out  chan int
	quit chan struct{}
	done chan struct{}
	once sync.Once
}

func NewFeed() *Feed {
	f := &Feed{out: make(chan int), quit: make(chan struct{}), done: make(chan struct{})}
	go f.loop()
	return f
}

func (f *Feed) loop() {
	defer close(f.done)
	for {
		select {
		case <-f.quit:
			return
		case f.out <- 1:
		}
	}
}

func (f *Feed) Stop() { close(f.quit) }

func (f *Feed) Close() {
	<-f.done
	f.once.Do(func() { close(f.out) })
}

// Workers' Close waits for the workers a spawn helper counts, inside
// the Once, before closing out: silent.
type Workers struct {
	in   chan int
	out  chan int
	wg   sync.WaitGroup
	once sync.Once
	quit chan struct{}
}

func NewWorkers(n int) *Workers {
	w := &Workers{in: make(chan int), out: make(chan int, n), quit: make(chan struct{})}
	for i := 0; i < n; i++ {
		w.spawn(func() { w.work() })
	}
	return w
}

func (w *Workers) spawn(f func()) {
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		f()
	}()
}

func (w *Workers) work() {
	for {
		select {
		case <-w.quit:
			return
		case v := <-w.in:
			w.out <- v
		}
	}
}

func (w *Workers) Close() {
	w.once.Do(func() {
		close(w.quit)
		w.wg.Wait()
		close(w.out)
	})
}
