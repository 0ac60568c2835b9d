package alerts

import (
	"sync"
	"time"
)

type Alert struct {
	Name  string
	Level int
	At    time.Time
}

type Sender interface {
	Send(a *Alert) error
}

// Notifier forwards the most recent alert to a sender, coalescing bursts:
// if several alerts arrive while a send is in progress only the newest is
// delivered next.
type Notifier struct {
	out Sender

	mu       sync.Mutex
	cond     *sync.Cond
	latest   *Alert
	quit     bool
	failures int
	finished chan struct{}
}

func NewNotifier(out Sender) *Notifier {
	n := &Notifier{out: out, finished: make(chan struct{})}
	n.cond = sync.NewCond(&n.mu)
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
	defer close(n.finished)
	n.mu.Lock()
	for !n.quit {
		if n.latest == nil {
			n.cond.Wait()
		}
		a := n.latest
		n.latest = nil
		n.mu.Unlock()

		var err error
		if a != nil {
			err = n.out.Send(a)
		}

		n.mu.Lock()
		if err != nil {
			n.failures++
		}
	}
	n.mu.Unlock()
}

func (n *Notifier) Failures() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.failures
}

func (n *Notifier) Shutdown() {
	n.mu.Lock()
	n.quit = true
	n.mu.Unlock()
	n.cond.Broadcast()
	<-n.finished
}
