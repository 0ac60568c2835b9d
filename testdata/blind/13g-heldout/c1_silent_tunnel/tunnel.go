package tunnel

import (
	"net"
	"sync"
	"time"
)

type PathState int

const (
	PathUnknown PathState = iota
	PathValidated
	PathFailed
)

type Stats struct {
	RTT     time.Duration
	Probes  int
	Healthy bool
}

type Tunnel struct {
	conn  net.PacketConn
	start sync.Once
	quit  chan struct{}
	echo  chan uint16

	mu     sync.Mutex
	remote net.Addr
	stats  Stats

	path      PathState
	outstand  map[uint16]time.Time
	nextProbe uint16
	misses    int
	smoothed  time.Duration
}

func New(conn net.PacketConn, remote net.Addr) *Tunnel {
	return &Tunnel{
		conn:     conn,
		remote:   remote,
		quit:     make(chan struct{}),
		echo:     make(chan uint16, 8),
		outstand: make(map[uint16]time.Time),
	}
}

func (t *Tunnel) Start() {
	t.start.Do(func() { go t.loop() })
}

func (t *Tunnel) Echo(id uint16) {
	select {
	case t.echo <- id:
	case <-t.quit:
	}
}

func (t *Tunnel) SetRemote(a net.Addr) {
	t.mu.Lock()
	t.remote = a
	t.mu.Unlock()
}

func (t *Tunnel) Stats() Stats {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.stats
}

func (t *Tunnel) Stop() { close(t.quit) }

func (t *Tunnel) loop() {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			t.expireProbes()
			t.sendProbe()
		case id := <-t.echo:
			t.onEcho(id)
		case <-t.quit:
			return
		}
	}
}
