package main

import (
	"fmt"
	"sync"
)

// startWorkers runs fn in n goroutines and returns a WaitGroup that is done
// when all of them return.
func startWorkers(n int, fn func(id int)) *sync.WaitGroup {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			fn(id)
		}(i)
	}
	return &wg
}

// StartGate holds workers back until the coordinator opens it.
type StartGate struct {
	mu   sync.Mutex
	cond *sync.Cond
	open bool
	seen []int
}

func NewStartGate() *StartGate {
	g := &StartGate{}
	g.cond = sync.NewCond(&g.mu)
	return g
}

func (g *StartGate) await(id int) {
	g.mu.Lock()
	for !g.open {
		g.cond.Wait()
	}
	g.seen = append(g.seen, id)
	g.mu.Unlock()
}

func (g *StartGate) Open() {
	g.mu.Lock()
	g.open = true
	g.cond.Broadcast()
	g.mu.Unlock()
}

func main() {
	g := NewStartGate()
	wg := startWorkers(4, func(id int) {
		g.await(id)
	})
	g.Open()
	wg.Wait()
	fmt.Println("started workers:", len(g.seen))
}
