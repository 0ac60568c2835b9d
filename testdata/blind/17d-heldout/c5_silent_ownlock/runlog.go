package cronish

import (
	"fmt"
	"sync"
	"time"
)

type runLog struct {
	owner *Scheduler
	mu    sync.Mutex
	ring  []string
	next  int
	limit int
}

func newRunLog(owner *Scheduler, limit int) History {
	return &runLog{owner: owner, ring: make([]string, 0, limit), limit: limit}
}

func (l *runLog) Record(name string, at time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	line := fmt.Sprintf("%s %s", at.Format(time.RFC3339), name)
	if len(l.ring) < l.limit {
		l.ring = append(l.ring, line)
		return
	}
	l.ring[l.next] = line
	l.next = (l.next + 1) % l.limit
}

func (l *runLog) Recent(n int) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n > len(l.ring) {
		n = len(l.ring)
	}
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, l.ring[(l.next+len(l.ring)-1-i)%len(l.ring)])
	}
	return out
}
