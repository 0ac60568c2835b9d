package b4_tunnel_assign

import (
	"bufio"
	"errors"
	"net"
	"net/netip"
	"strings"
	"sync"
)

// Tunnel is a client-side VPN-style tunnel. After connecting, the control
// server sends "ASSIGN <ip>" with the address allocated to this peer.
type Tunnel struct {
	ctrl      net.Conn
	addr      netip.Addr
	started   chan struct{}
	stopped   chan struct{}
	closeOnce sync.Once
}

// Open attaches to the control connection and waits until the reader
// goroutine is up.
func Open(ctrl net.Conn) (*Tunnel, error) {
	if ctrl == nil {
		return nil, errors.New("tunnel: nil control connection")
	}
	t := &Tunnel{
		ctrl:    ctrl,
		started: make(chan struct{}),
		stopped: make(chan struct{}),
	}
	go t.controlLoop()
	<-t.started
	return t, nil
}

// Addr returns the tunnel address assigned by the control server.
func (t *Tunnel) Addr() netip.Addr {
	return t.addr
}

// Stopped is closed once the control connection has gone away.
func (t *Tunnel) Stopped() <-chan struct{} { return t.stopped }

func (t *Tunnel) Close() error {
	var err error
	t.closeOnce.Do(func() { err = t.ctrl.Close() })
	<-t.stopped
	return err
}

func (t *Tunnel) controlLoop() {
	defer close(t.stopped)
	close(t.started)

	r := bufio.NewReader(t.ctrl)
	line, err := r.ReadString('\n')
	if err != nil {
		return
	}
	ip, ok := strings.CutPrefix(strings.TrimSpace(line), "ASSIGN ")
	if !ok {
		return
	}
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return
	}
	t.addr = a // BAD: written after started was already closed, so Open has returned and Addr() may read concurrently
	for {
		if _, err := r.ReadString('\n'); err != nil {
			return
		}
	}
}
