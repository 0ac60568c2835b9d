package conns

import "sync"

type Limiter struct {
	mu     sync.Mutex
	cond   *sync.Cond
	max    int
	inUse  int
	closed bool
}

func NewLimiter(max int) *Limiter {
	l := &Limiter{max: max}
	l.cond = sync.NewCond(&l.mu)
	return l
}

func (l *Limiter) Acquire() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for l.inUse >= l.max && !l.closed {
		l.cond.Wait()
	}
	if l.closed {
		panic("conns: acquire on closed limiter")
	}
	l.inUse++
}

func (l *Limiter) Release() {
	l.mu.Lock()
	if l.inUse > 0 {
		l.inUse--
	}
	l.mu.Unlock()
	l.cond.Signal()
}

func (l *Limiter) InUse() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.inUse
}

func (l *Limiter) Close() {
	l.mu.Lock()
	l.closed = true
	l.mu.Unlock()
	l.cond.Broadcast()
}
