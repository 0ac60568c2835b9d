// GOOD: records have no mutex of their own; every read of addrs/expires happens under
// r.mu.RLock and every write (Store, and expire from the sweeper) under r.mu.Lock, so the
// resolver's lock is the one that guards the fields and the sweeper holds it.
package main

import (
	"fmt"
	"sync"
	"time"
)

type record struct {
	host    string
	addrs   []string
	expires time.Time
	hits    int
}

func (rec *record) expire() {
	rec.addrs = nil
	rec.expires = time.Time{}
}

func (rec *record) fresh(now time.Time) bool {
	return rec.addrs != nil && now.Before(rec.expires)
}

type Resolver struct {
	mu      sync.RWMutex
	records map[string]*record
	done    chan struct{}
}

func NewResolver(sweepEvery time.Duration) *Resolver {
	r := &Resolver{records: make(map[string]*record), done: make(chan struct{})}
	go r.sweeper(sweepEvery)
	return r
}

func (r *Resolver) Lookup(host string) ([]string, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	rec, ok := r.records[host]
	if !ok || !rec.fresh(time.Now()) {
		return nil, false
	}
	out := append([]string(nil), rec.addrs...)
	return out, true
}

func (r *Resolver) Store(host string, addrs []string, ttl time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rec, ok := r.records[host]
	if !ok {
		rec = &record{host: host}
		r.records[host] = rec
	}
	rec.addrs = append([]string(nil), addrs...)
	rec.expires = time.Now().Add(ttl)
	rec.hits++
}

func (r *Resolver) sweeper(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-r.done:
			return
		case now := <-t.C:
			r.mu.Lock()
			for _, rec := range r.records {
				if !rec.fresh(now) {
					rec.expire()
				}
			}
			r.mu.Unlock()
		}
	}
}

func (r *Resolver) Stop() { close(r.done) }

func main() {
	r := NewResolver(5 * time.Millisecond)
	defer r.Stop()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			host := fmt.Sprintf("svc%d.internal", i%2)
			for j := 0; j < 20; j++ {
				if _, ok := r.Lookup(host); !ok {
					r.Store(host, []string{fmt.Sprintf("10.0.0.%d", j)}, 3*time.Millisecond)
				}
				time.Sleep(time.Millisecond)
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(r.Lookup("svc0.internal"))
}
