package dropfull

import (
	"log"
	"sync"
	"time"
)

type Alert struct {
	Host string
	Msg  string
}

type Notifier struct {
	mu      sync.Mutex
	muted   map[string]time.Time
	dropped int
	alerts  chan Alert
}

func NewNotifier(send func(Alert)) *Notifier {
	n := &Notifier{muted: make(map[string]time.Time), alerts: make(chan Alert, 32)}
	go n.deliver(send)
	return n
}

func (n *Notifier) Raise(a Alert) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if until, ok := n.muted[a.Host]; ok && time.Now().Before(until) {
		return
	}
	select {
	case n.alerts <- a:
	default:
		n.dropped++
	}
}

func (n *Notifier) deliver(send func(Alert)) {
	for a := range n.alerts {
		if n.isMuted(a.Host) {
			continue
		}
		send(a)
	}
}

func (n *Notifier) isMuted(host string) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	until, ok := n.muted[host]
	return ok && time.Now().Before(until)
}

func (n *Notifier) Mute(host string, d time.Duration) {
	n.mu.Lock()
	n.muted[host] = time.Now().Add(d)
	n.mu.Unlock()
	log.Printf("muted %s for %s", host, d)
}
