// BAD: Wait receives from g.openCh while still holding g.mu, and Open must lock g.mu to mark the gate open before it
// sends, so once Wait is parked on the receive Open can never reach its send.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Gate lets goroutines block until the service is ready.
type Gate struct {
	mu      sync.Mutex
	opened  bool
	waiters int
	reason  string
	openCh  chan struct{}
}

func NewGate() *Gate {
	return &Gate{openCh: make(chan struct{})}
}

// Wait blocks until Open is called; it returns the reason given to Open.
func (g *Gate) Wait() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.opened {
		return g.reason
	}
	g.waiters++
	<-g.openCh // want "while holding"
	g.waiters--
	return g.reason
}

// Open releases one waiter.
func (g *Gate) Open(reason string) {
	g.mu.Lock()
	g.opened = true
	g.reason = reason
	g.mu.Unlock()
	g.openCh <- struct{}{}
}

type Service struct {
	name  string
	ready *Gate
}

func (s *Service) boot() {
	time.Sleep(3 * time.Millisecond) // load config, warm caches
	s.ready.Open(s.name + " warmed up")
}

func main() {
	s := &Service{name: "indexer", ready: NewGate()}
	go s.boot()
	fmt.Println("ready:", s.ready.Wait())
}
