// GOOD: every user of a flow (Account, Stats) holds t.mu.RLock for the whole time it
// touches the flow, and f.mu only serialises those concurrent readers; the reaper holds
// t.mu.Lock, which excludes all of them, so its unlocked reset of the counters is safe.
package main

import (
	"fmt"
	"sync"
	"time"
)

type flow struct {
	mu      sync.Mutex
	packets uint64
	bytes   uint64
	last    time.Time
}

func (f *flow) add(n int) {
	f.mu.Lock()
	f.packets++
	f.bytes += uint64(n)
	f.last = time.Now()
	f.mu.Unlock()
}

func (f *flow) stats() (uint64, uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.packets, f.bytes
}

// resetCounters zeroes a flow's counters; callers hold Table.mu for writing.
func resetCounters(f *flow) {
	f.packets = 0
	f.bytes = 0
}

type Table struct {
	mu    sync.RWMutex
	flows map[string]*flow
	stop  chan struct{}
}

func NewTable(window time.Duration) *Table {
	t := &Table{flows: make(map[string]*flow), stop: make(chan struct{})}
	go t.reap(window)
	return t
}

func (t *Table) Track(key string) {
	t.mu.Lock()
	if _, ok := t.flows[key]; !ok {
		t.flows[key] = &flow{last: time.Now()}
	}
	t.mu.Unlock()
}

func (t *Table) Account(key string, n int) bool {
	t.mu.RLock()
	defer t.mu.RUnlock()
	f, ok := t.flows[key]
	if ok {
		f.add(n)
	}
	return ok
}

func (t *Table) Stats(key string) (packets, bytes uint64) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	if f, ok := t.flows[key]; ok {
		return f.stats()
	}
	return 0, 0
}

func (t *Table) reap(window time.Duration) {
	tick := time.NewTicker(window)
	defer tick.Stop()
	for {
		select {
		case <-t.stop:
			return
		case <-tick.C:
			t.mu.Lock()
			for _, f := range t.flows {
				resetCounters(f)
			}
			t.mu.Unlock()
		}
	}
}

func (t *Table) Close() { close(t.stop) }

func main() {
	t := NewTable(3 * time.Millisecond)
	defer t.Close()
	keys := []string{"10.0.0.1:443", "10.0.0.2:80"}
	for _, k := range keys {
		t.Track(k)
	}
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 30; j++ {
				t.Account(keys[i%2], 1500)
				time.Sleep(200 * time.Microsecond)
			}
		}(i)
	}
	wg.Wait()
	p, b := t.Stats(keys[0])
	fmt.Println(p, b)
}
