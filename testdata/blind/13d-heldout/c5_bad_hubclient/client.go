package chat

import (
	"bufio"
	"net"
	"sync"
	"time"
)

// member is one connected chat participant.
type member struct {
	name string
	conn net.Conn

	mu  sync.Mutex
	out *bufio.Writer
}

func newMember(name string, conn net.Conn) *member {
	m := &member{name: name, conn: conn, out: bufio.NewWriter(conn)}
	go m.keepAlive(30 * time.Second)
	return m
}

func (m *member) keepAlive(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			m.send("PING")
		}
	}
}

func (m *member) send(line string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, err := m.out.WriteString(line + "\n"); err != nil {
		return err
	}
	return m.out.Flush()
}
