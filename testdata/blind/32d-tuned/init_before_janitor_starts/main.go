// GOOD: init is only called from NewDeduper on the freshly allocated value, before the
// sweep goroutine is started and before the pointer is returned, so nothing else can
// observe the object while init writes the guarded fields.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Deduper struct {
	ttl  time.Duration
	stop chan struct{}
	done chan struct{}

	mu      sync.Mutex
	seen    map[string]time.Time
	evicted int
}

func NewDeduper(ttl, sweepEvery time.Duration) *Deduper {
	d := &Deduper{ttl: ttl, stop: make(chan struct{}), done: make(chan struct{})}
	d.init(1024)
	go d.sweep(sweepEvery)
	return d
}

func (d *Deduper) init(sizeHint int) {
	d.seen = make(map[string]time.Time, sizeHint)
	d.evicted = 0
}

// FirstSeen reports whether id has not been seen within the TTL, and records it.
func (d *Deduper) FirstSeen(id string) bool {
	now := time.Now()
	d.mu.Lock()
	defer d.mu.Unlock()
	if t, ok := d.seen[id]; ok && now.Sub(t) < d.ttl {
		return false
	}
	d.seen[id] = now
	return true
}

func (d *Deduper) Stats() (live, evicted int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.seen), d.evicted
}

func (d *Deduper) sweep(every time.Duration) {
	defer close(d.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-d.stop:
			return
		case now := <-t.C:
			d.mu.Lock()
			for id, ts := range d.seen {
				if now.Sub(ts) >= d.ttl {
					delete(d.seen, id)
					d.evicted++
				}
			}
			d.mu.Unlock()
		}
	}
}

func (d *Deduper) Close() {
	close(d.stop)
	<-d.done
}

func main() {
	d := NewDeduper(3*time.Millisecond, time.Millisecond)
	defer d.Close()

	var wg sync.WaitGroup
	var mu sync.Mutex
	delivered := 0
	for p := 0; p < 4; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				if d.FirstSeen(fmt.Sprintf("msg-%d", (p+i)%10)) {
					mu.Lock()
					delivered++
					mu.Unlock()
				}
				time.Sleep(100 * time.Microsecond)
			}
		}(p)
	}
	wg.Wait()
	live, evicted := d.Stats()
	fmt.Println("delivered", delivered, "live", live, "evicted", evicted)
}
