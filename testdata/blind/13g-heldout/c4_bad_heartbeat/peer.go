package cluster

import (
	"net"
	"sync"
	"time"
)

type Peer struct {
	addr   string
	conn   net.Conn
	ticker *time.Ticker
	urgent chan []byte

	mu       sync.Mutex
	lastSent time.Time
	failures int
	stopped  bool
}

func Connect(addr string, every time.Duration) (*Peer, error) {
	c, err := net.DialTimeout("tcp", addr, 3*time.Second)
	if err != nil {
		return nil, err
	}
	p := &Peer{
		addr:   addr,
		conn:   c,
		ticker: time.NewTicker(every),
		urgent: make(chan []byte, 4),
	}
	go p.beat()
	return p, nil
}

func (p *Peer) beat() {
	for {
		select {
		case <-p.ticker.C:
			p.send([]byte("PING\n"))
		case msg := <-p.urgent:
			p.send(msg)
		}
	}
}

func (p *Peer) send(b []byte) {
	p.conn.SetWriteDeadline(time.Now().Add(time.Second))
	_, err := p.conn.Write(b)
	p.mu.Lock()
	defer p.mu.Unlock()
	if err != nil {
		p.failures++
		return
	}
	p.lastSent = time.Now()
}

func (p *Peer) Notify(msg []byte) bool {
	select {
	case p.urgent <- msg:
		return true
	default:
		return false
	}
}

func (p *Peer) Healthy() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return !p.stopped && p.failures < 3
}

func (p *Peer) Stop() error {
	p.mu.Lock()
	p.stopped = true
	p.mu.Unlock()
	p.ticker.Stop()
	return p.conn.Close()
}
