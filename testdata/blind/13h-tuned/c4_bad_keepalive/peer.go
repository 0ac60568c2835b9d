package gossip

import (
	"net"
	"sync"
	"time"
)

type msgType uint8

const (
	msgPing msgType = iota
	msgPong
	msgRumor
)

type message struct {
	typ  msgType
	body string
}

type Peer struct {
	conn     net.Conn
	incoming chan message
	table    [3]func(message)

	missed   int
	lastPong time.Time
	rumors   int

	mu     sync.Mutex
	known  map[string]bool
	down   bool
	ticker *time.Timer
}

func NewPeer(conn net.Conn, incoming chan message) *Peer {
	p := &Peer{conn: conn, incoming: incoming, known: make(map[string]bool)}
	p.table[msgPing] = p.onPing
	p.table[msgPong] = p.onPong
	p.table[msgRumor] = p.onRumor
	p.mu.Lock()
	p.ticker = time.AfterFunc(2*time.Second, p.probe)
	p.mu.Unlock()
	go p.loop()
	return p
}

func (p *Peer) loop() {
	for m := range p.incoming {
		if int(m.typ) < len(p.table) {
			p.table[m.typ](m)
		}
	}
}

func (p *Peer) onPing(message) { p.conn.Write([]byte{byte(msgPong)}) }

func (p *Peer) onPong(message) {
	p.missed = 0
	p.lastPong = time.Now()
}

func (p *Peer) onRumor(m message) {
	p.rumors++
	p.mu.Lock()
	p.known[m.body] = true
	p.mu.Unlock()
}

func (p *Peer) probe() {
	p.conn.Write([]byte{byte(msgPing)})
	p.missed++
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.missed > 3 {
		p.down = true
		return
	}
	p.ticker.Reset(2 * time.Second)
}

func (p *Peer) Down() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.down
}

func (p *Peer) Knows(rumor string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.known[rumor]
}
