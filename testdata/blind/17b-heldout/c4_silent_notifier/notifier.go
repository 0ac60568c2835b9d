package notifier

import (
	"fmt"
	"io"
	"sync"
)

type Alert struct {
	Service  string
	Severity int
	Text     string
}

type Notifier struct {
	mu       sync.Mutex
	silenced map[string]bool
	closed   bool
	out      chan Alert

	statsMu sync.Mutex
	sent    int

	w    io.Writer
	done chan struct{}
}

func New(w io.Writer) *Notifier {
	n := &Notifier{silenced: make(map[string]bool), out: make(chan Alert), w: w, done: make(chan struct{})}
	go n.deliver()
	return n
}

func (n *Notifier) Silence(service string, on bool) {
	n.mu.Lock()
	n.silenced[service] = on
	n.mu.Unlock()
}

func (n *Notifier) Fire(a Alert) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.closed || n.silenced[a.Service] {
		return
	}
	n.out <- a
}

func (n *Notifier) deliver() {
	defer close(n.done)
	for a := range n.out {
		fmt.Fprintf(n.w, "[sev%d] %s: %s\n", a.Severity, a.Service, a.Text)
		n.statsMu.Lock()
		n.sent++
		n.statsMu.Unlock()
	}
}

func (n *Notifier) Sent() int {
	n.statsMu.Lock()
	defer n.statsMu.Unlock()
	return n.sent
}

func (n *Notifier) Close() {
	n.mu.Lock()
	if n.closed {
		n.mu.Unlock()
		return
	}
	n.closed = true
	close(n.out)
	n.mu.Unlock()
	<-n.done
}
