package leases

import (
	"sync"
	"time"
)

type ExpiryFunc func(holder string)

type Table struct {
	mu       sync.Mutex
	expires  map[string]time.Time
	watchers map[int]ExpiryFunc
	nextID   int
}

func NewTable() *Table {
	t := &Table{
		expires:  make(map[string]time.Time),
		watchers: make(map[int]ExpiryFunc),
	}
	t.watchers[0] = t.renewIfPinned
	t.nextID = 1
	return t
}

func (t *Table) Watch(fn ExpiryFunc) (cancel func()) {
	t.mu.Lock()
	id := t.nextID
	t.nextID++
	t.watchers[id] = fn
	t.mu.Unlock()
	return func() {
		t.mu.Lock()
		delete(t.watchers, id)
		t.mu.Unlock()
	}
}

func (t *Table) Grant(holder string, ttl time.Duration) {
	t.mu.Lock()
	t.expires[holder] = time.Now().Add(ttl)
	t.mu.Unlock()
}

func (t *Table) Sweep(now time.Time) {
	t.mu.Lock()
	var gone []string
	for h, exp := range t.expires {
		if now.After(exp) {
			delete(t.expires, h)
			gone = append(gone, h)
		}
	}
	fns := make([]ExpiryFunc, 0, len(t.watchers))
	for _, fn := range t.watchers {
		fns = append(fns, fn)
	}
	t.mu.Unlock()

	for _, h := range gone {
		for _, fn := range fns {
			fn(h)
		}
	}
}
