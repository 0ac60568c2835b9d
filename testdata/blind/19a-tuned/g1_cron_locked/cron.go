// Correct: every heap.Push/Pop/Remove/Fix and slice reset on c.entries runs with c.mu held; the heap.Interface methods themselves are lock-free but only container/heap calls them, under c.mu.
package g1_cron_locked

import (
	"container/heap"
	"sync"
	"time"
)

type Entry struct {
	ID    int
	Every time.Duration
	Next  time.Time
	Job   func()
	index int
}

type Entries []*Entry

func (e Entries) Len() int           { return len(e) }
func (e Entries) Less(i, j int) bool { return e[i].Next.Before(e[j].Next) }
func (e Entries) Swap(i, j int) {
	e[i], e[j] = e[j], e[i]
	e[i].index, e[j].index = i, j
}
func (e *Entries) Push(x any) {
	en := x.(*Entry)
	en.index = len(*e)
	*e = append(*e, en)
}
func (e *Entries) Pop() any {
	old := *e
	en := old[len(old)-1]
	*e = old[:len(old)-1]
	en.index = -1
	return en
}

type Cron struct {
	mu      sync.Mutex
	entries Entries
	byID    map[int]*Entry
	nextID  int
	stop    chan struct{}
}

func New() *Cron {
	c := &Cron{byID: map[int]*Entry{}, stop: make(chan struct{})}
	go c.loop()
	return c
}

func (c *Cron) Schedule(every time.Duration, job func()) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextID++
	e := &Entry{ID: c.nextID, Every: every, Next: time.Now().Add(every), Job: job}
	c.byID[e.ID] = e
	heap.Push(&c.entries, e)
	return e.ID
}

func (c *Cron) Cancel(id int) bool {
	c.mu.Lock()
	e, ok := c.byID[id]
	if !ok {
		c.mu.Unlock()
		return false
	}
	delete(c.byID, id)
	if e.index >= 0 {
		heap.Remove(&c.entries, e.index)
	}
	c.mu.Unlock()
	return true
}

func (c *Cron) Next() (time.Time, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) == 0 {
		return time.Time{}, false
	}
	return c.entries[0].Next, true
}

func (c *Cron) Reset() {
	c.mu.Lock()
	c.entries = nil
	c.byID = map[int]*Entry{}
	c.mu.Unlock()
}

func (c *Cron) loop() {
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case now := <-t.C:
			var due []func()
			c.mu.Lock()
			for len(c.entries) > 0 && !c.entries[0].Next.After(now) {
				e := c.entries[0]
				due = append(due, e.Job)
				e.Next = now.Add(e.Every)
				heap.Fix(&c.entries, 0)
			}
			c.mu.Unlock()
			for _, job := range due {
				job()
			}
		}
	}
}

func (c *Cron) Stop() { close(c.stop) }
