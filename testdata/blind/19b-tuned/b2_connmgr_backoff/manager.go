package b2_connmgr_backoff

import (
	"errors"
	"net"
	"sync"
	"time"
)

type connState int

const (
	stateIdle connState = iota
	stateDialing
	stateConnected
	stateClosed
)

// Manager keeps a single connection to addr alive, redialing with backoff.
type Manager struct {
	addr string
	dial func(network, addr string) (net.Conn, error)

	mu    sync.RWMutex
	state connState
	conn  net.Conn

	// owned by run()
	retries int
	backoff time.Duration

	closing chan struct{}
	done    chan struct{}
}

func New(addr string) *Manager {
	return &Manager{
		addr:    addr,
		dial:    net.Dial,
		closing: make(chan struct{}),
		done:    make(chan struct{}),
	}
}

func (m *Manager) setState(st connState, c net.Conn) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.state = st
	m.conn = c
	if st == stateConnected {
		m.retries = 0
		m.backoff = 10 * time.Millisecond
	}
}

func (m *Manager) Conn() (net.Conn, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.state != stateConnected {
		return nil, errors.New("connmgr: not connected")
	}
	return m.conn, nil
}

// ResetBackoff lets an operator force a fast reconnect after fixing the remote.
func (m *Manager) ResetBackoff() {
	m.backoff = 10 * time.Millisecond // BAD: exported method writes run-loop-only backoff without m.mu while run() updates it
}

func (m *Manager) Start() { go m.run() }

func (m *Manager) Close() error {
	close(m.closing)
	<-m.done
	m.setState(stateClosed, nil)
	return nil
}

func (m *Manager) run() {
	defer close(m.done)
	m.backoff = 10 * time.Millisecond
	for {
		m.setState(stateDialing, nil)
		c, err := m.dial("tcp", m.addr)
		if err != nil {
			m.retries++
			m.backoff *= 2
			if m.backoff > 5*time.Second {
				m.backoff = 5 * time.Second
			}
			select {
			case <-m.closing:
				return
			case <-time.After(m.backoff):
			}
			continue
		}
		m.setState(stateConnected, c)
		m.waitBroken(c)
		select {
		case <-m.closing:
			c.Close()
			return
		default:
		}
	}
}

func (m *Manager) waitBroken(c net.Conn) {
	buf := make([]byte, 1)
	for {
		if _, err := c.Read(buf); err != nil {
			c.Close()
			return
		}
	}
}
