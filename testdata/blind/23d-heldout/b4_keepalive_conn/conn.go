package b4_keepalive_conn

import (
	"sync"
	"time"
)

// clientConn is a per-connection loop; it writes a ping frame whenever the
// keepalive timer fires, and data frames handed in by the Manager.
type clientConn struct {
	id     uint64
	out    chan []byte
	pingCh chan struct{}
	stopCh chan struct{}
	timer  *time.Timer
	write  func([]byte) error
}

func newClientConn(id uint64, interval time.Duration, write func([]byte) error) *clientConn {
	c := &clientConn{
		id:     id,
		out:    make(chan []byte, 8),
		pingCh: make(chan struct{}, 1),
		stopCh: make(chan struct{}),
		write:  write,
	}
	c.timer = time.AfterFunc(interval, func() {
		select {
		case c.pingCh <- struct{}{}:
		default:
		}
		c.timer.Reset(interval)
	})
	go c.loop()
	return c
}

func (c *clientConn) loop() {
	defer close(c.pingCh) // BAD: the keepalive AfterFunc sends on pingCh through a stored pointer, not under Manager.mu
	defer close(c.out)
	for {
		select {
		case <-c.stopCh:
			return
		case <-c.pingCh:
			_ = c.write([]byte("PING\r\n"))
		case b := <-c.out:
			_ = c.write(b)
		}
	}
}

// Manager is the registry of live connections.
type Manager struct {
	mu       sync.RWMutex
	conns    map[uint64]*clientConn
	nextID   uint64
	interval time.Duration
}

func NewManager(interval time.Duration) *Manager {
	return &Manager{conns: make(map[uint64]*clientConn), interval: interval}
}

func (m *Manager) Add(write func([]byte) error) uint64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.nextID++
	m.conns[m.nextID] = newClientConn(m.nextID, m.interval, write)
	return m.nextID
}

// Send queues b on connection id. The send is done under the read lock.
func (m *Manager) Send(id uint64, b []byte) bool {
	m.mu.RLock()
	defer m.mu.RUnlock()
	c, ok := m.conns[id]
	if !ok {
		return false
	}
	select {
	case c.out <- b:
		return true
	default:
		return false
	}
}

// Remove unregisters the connection first, then stops its loop.
func (m *Manager) Remove(id uint64) {
	m.mu.Lock()
	c, ok := m.conns[id]
	delete(m.conns, id)
	m.mu.Unlock()
	if !ok {
		return
	}
	c.timer.Stop()
	close(c.stopCh)
}
