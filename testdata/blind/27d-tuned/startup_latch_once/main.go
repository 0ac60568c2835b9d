// GOOD: the latch's `open` flag is only ever set (never reset) and the sole Broadcast follows
// that assignment under the same lock, so every woken waiter finds it open and `if` suffices.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Latch is a one-shot gate: once opened, it stays open forever.
type Latch struct {
	mu   sync.Mutex
	cond *sync.Cond
	open bool
	why  string
}

func NewLatch() *Latch {
	l := &Latch{}
	l.cond = sync.NewCond(&l.mu)
	return l
}

// Open releases all current and future waiters. Extra calls are no-ops.
func (l *Latch) Open(reason string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open {
		return
	}
	l.open = true
	l.why = reason
	l.cond.Broadcast()
}

// Await blocks until the latch is opened and reports why it opened.
func (l *Latch) Await() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.open {
		l.cond.Wait()
	}
	return l.why
}

type Service struct {
	name    string
	started *Latch
}

func NewService(name string) *Service {
	return &Service{name: name, started: NewLatch()}
}

func (s *Service) Start() {
	go func() {
		// Simulate loading configuration and warming caches.
		time.Sleep(3 * time.Millisecond)
		s.started.Open(s.name + " warmed up")
	}()
}

func (s *Service) HandleHealth() string {
	return "healthy: " + s.started.Await()
}

func main() {
	svc := NewService("catalog")
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fmt.Println("probe", i, svc.HandleHealth())
		}(i)
	}
	svc.Start()
	wg.Wait()
	svc.started.Open("late duplicate")
	fmt.Println(svc.HandleHealth())
}
