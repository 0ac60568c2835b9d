// GOOD: item.mu guards value and hits only; the evicted flag and the list links are read
// and written exclusively inside LRU methods that hold l.mu.Lock, so evict's unlocked
// writes to them under the LRU's write lock are correctly guarded.
package main

import (
	"fmt"
	"sync"
)

type item struct {
	key string

	mu    sync.Mutex
	value string
	hits  int

	// guarded by LRU.mu (write lock)
	prev, next *item
	evicted    bool
}

func (it *item) Value() string {
	it.mu.Lock()
	defer it.mu.Unlock()
	it.hits++
	return it.value
}

func (it *item) Update(v string) {
	it.mu.Lock()
	it.value = v
	it.mu.Unlock()
}

func (it *item) Hits() int {
	it.mu.Lock()
	defer it.mu.Unlock()
	return it.hits
}

type LRU struct {
	mu         sync.RWMutex
	items      map[string]*item
	head, tail *item
	cap        int
}

func NewLRU(capacity int) *LRU { return &LRU{items: make(map[string]*item), cap: capacity} }

func (l *LRU) unlink(it *item) {
	if it.prev != nil {
		it.prev.next = it.next
	} else {
		l.head = it.next
	}
	if it.next != nil {
		it.next.prev = it.prev
	} else {
		l.tail = it.prev
	}
	it.prev, it.next = nil, nil
}

func (l *LRU) pushFront(it *item) {
	it.next = l.head
	if l.head != nil {
		l.head.prev = it
	}
	l.head = it
	if l.tail == nil {
		l.tail = it
	}
}

func evict(l *LRU, it *item) {
	l.unlink(it)
	it.evicted = true
	delete(l.items, it.key)
}

func (l *LRU) Get(key string) (string, bool) {
	l.mu.RLock()
	it := l.items[key]
	l.mu.RUnlock()
	if it == nil {
		return "", false
	}
	return it.Value(), true
}

func (l *LRU) Put(key, v string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if it, ok := l.items[key]; ok && !it.evicted {
		l.unlink(it)
		l.pushFront(it)
		it.Update(v)
		return
	}
	it := &item{key: key, value: v}
	l.items[key] = it
	l.pushFront(it)
	for len(l.items) > l.cap {
		evict(l, l.tail)
	}
}

func (l *LRU) Len() int {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return len(l.items)
}

func main() {
	l := NewLRU(3)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			k := fmt.Sprintf("k%d", i%5)
			l.Put(k, fmt.Sprint(i))
			l.Get(k)
		}(i)
	}
	wg.Wait()
	fmt.Println(l.Len())
}
