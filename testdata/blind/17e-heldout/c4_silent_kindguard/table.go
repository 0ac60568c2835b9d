package kindguard

import (
	"sync"
	"sync/atomic"
)

type change int

const (
	changeTouch change = iota
	changeResize
)

type Table struct {
	mu       sync.Mutex
	rows     map[string][]byte
	buckets  int
	touches  atomic.Int64
	onChange func(change)
}

func NewTable(buckets int) *Table {
	t := &Table{rows: make(map[string][]byte), buckets: buckets}
	t.onChange = t.react
	return t
}

func (t *Table) react(k change) {
	if k == changeResize {
		t.mu.Lock()
		for len(t.rows) > t.buckets*4 {
			t.buckets *= 2
		}
		t.mu.Unlock()
		return
	}
	t.touches.Add(1)
}

func (t *Table) Upsert(key string, val []byte) {
	t.mu.Lock()
	t.rows[key] = val
	grow := len(t.rows) > t.buckets*4
	t.onChange(changeTouch)
	t.mu.Unlock()

	if grow {
		t.onChange(changeResize)
	}
}

func (t *Table) Get(key string) ([]byte, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	v, ok := t.rows[key]
	if ok {
		t.onChange(changeTouch)
	}
	return v, ok
}
