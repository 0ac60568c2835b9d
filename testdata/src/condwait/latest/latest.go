// Package latest covers a Wait under if whose loop takes a pointer the
// if tested against nil: nil after an early or stolen wake-up.
package latest

import "sync"

type Alert struct{ Name string }

// Notifier delivers the newest alert; after a wake-up that finds none
// it takes nil and acts only under if a != nil.
type Notifier struct {
	mu     sync.Mutex
	cond   *sync.Cond
	latest *Alert
	quit   bool
	sent   []string
}

func NewNotifier() *Notifier {
	n := &Notifier{}
	n.cond = sync.NewCond(&n.mu)
	go n.deliver()
	go n.deliver()
	return n
}

func (n *Notifier) Raise(a *Alert) {
	n.mu.Lock()
	n.latest = a
	n.mu.Unlock()
	n.cond.Broadcast()
}

func (n *Notifier) deliver() {
	n.mu.Lock()
	for !n.quit {
		if n.latest == nil {
			n.cond.Wait() // silent: nil is taken and skipped
		}
		a := n.latest
		n.latest = nil
		if a != nil {
			n.sent = append(n.sent, a.Name)
		}
	}
	n.mu.Unlock()
}

// Careless dereferences what it took: nil after another deliverer
// came first.
type Careless struct {
	mu     sync.Mutex
	cond   *sync.Cond
	latest *Alert
	quit   bool
	sent   []string
}

func NewCareless() *Careless {
	n := &Careless{}
	n.cond = sync.NewCond(&n.mu)
	go n.deliver()
	go n.deliver()
	return n
}

func (n *Careless) Raise(a *Alert) {
	n.mu.Lock()
	n.latest = a
	n.mu.Unlock()
	n.cond.Broadcast()
}

func (n *Careless) deliver() {
	n.mu.Lock()
	for !n.quit {
		if n.latest == nil {
			n.cond.Wait() // want `sync.Cond.Wait called under if: wait in a for loop that re-checks the condition`
		}
		a := n.latest
		n.latest = nil
		n.sent = append(n.sent, a.Name)
	}
	n.mu.Unlock()
}
