package ratelimits

import (
	"sync"
	"time"
)

type Limit struct {
	PerSecond int
	Burst     int
}

type Table struct {
	mu     sync.RWMutex
	limits map[string]Limit
}

func NewTable() *Table {
	t := &Table{limits: make(map[string]Limit)}
	go t.refresh()
	return t
}

func (t *Table) refresh() {
	for range time.Tick(time.Minute) {
		t.mu.Lock()
		for k, l := range t.limits {
			if l.Burst < l.PerSecond {
				l.Burst = l.PerSecond
				t.limits[k] = l
			}
		}
		t.mu.Unlock()
	}
}

func (t *Table) Set(tenant string, l Limit) {
	t.mu.Lock()
	t.limits[tenant] = l
	t.mu.Unlock()
}

func sane(l Limit, ceiling int) bool {
	return l.PerSecond > 0 && l.PerSecond <= ceiling && l.Burst >= l.PerSecond
}

func (t *Table) Audit(ceiling int) []string {
	t.mu.RLock()
	defer t.mu.RUnlock()

	type verdict struct {
		tenant string
		ok     bool
	}
	results := make(chan verdict)
	for tenant, l := range t.limits {
		go func(tenant string, l Limit) {
			results <- verdict{tenant: tenant, ok: sane(l, ceiling)}
		}(tenant, l)
	}
	var bad []string
	for range len(t.limits) {
		v := <-results
		if !v.ok {
			bad = append(bad, v.tenant)
		}
	}
	return bad
}
