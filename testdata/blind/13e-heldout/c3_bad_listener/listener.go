package listener

import (
	"bufio"
	"fmt"
	"net"
	"strings"
	"sync"
)

type Handler func(channel, payload string)

// Notifier reads NOTIFY lines from a server connection and dispatches them.
type Notifier struct {
	mu       sync.Mutex
	handler  Handler
	received int
}

func (n *Notifier) Listen(conn net.Conn, h Handler, channels ...string) error {
	for _, ch := range channels {
		if _, err := fmt.Fprintf(conn, "LISTEN %s\n", ch); err != nil {
			return err
		}
	}
	n.handler = h
	go n.read(conn)
	return nil
}

func (n *Notifier) read(conn net.Conn) {
	defer conn.Close()
	sc := bufio.NewScanner(conn)
	for sc.Scan() {
		ch, payload, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			continue
		}
		n.mu.Lock()
		h := n.handler
		n.received++
		n.mu.Unlock()
		if h != nil {
			h(ch, payload)
		}
	}
}

func (n *Notifier) Received() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.received
}
