package b3_tcp_proxy

import (
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

var errShuttingDown = errors.New("proxy: shutting down")

// Proxy forwards every accepted connection to a fixed backend address.
type Proxy struct {
	Backend     string
	DialTimeout time.Duration

	inShutdown atomic.Bool
	mu         sync.Mutex
	active     map[net.Conn]struct{}
	wg         sync.WaitGroup
}

// NewProxy returns a proxy that forwards to backend.
func NewProxy(backend string) *Proxy {
	return &Proxy{
		Backend:     backend,
		DialTimeout: 5 * time.Second,
		active:      make(map[net.Conn]struct{}),
	}
}

// trackConn registers c as in flight. It returns errShuttingDown if the
// proxy is going away and the caller must drop the connection.
func (p *Proxy) trackConn(c net.Conn) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.inShutdown.Load() {
		return errShuttingDown
	}
	p.active[c] = struct{}{}
	p.wg.Add(1) // BAD: Shutdown never takes p.mu, so its Wait is not ordered after this Add
	return nil
}

func (p *Proxy) untrackConn(c net.Conn) {
	p.mu.Lock()
	delete(p.active, c)
	p.mu.Unlock()
	p.wg.Done()
}

// Serve accepts client connections on ln; callers run it with go p.Serve(ln).
func (p *Proxy) Serve(ln net.Listener) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		if err := p.trackConn(c); err != nil {
			c.Close()
			continue
		}
		go p.forward(c)
	}
}

func (p *Proxy) forward(client net.Conn) {
	defer p.untrackConn(client)
	defer client.Close()

	backend, err := net.DialTimeout("tcp", p.Backend, p.DialTimeout)
	if err != nil {
		return
	}
	defer backend.Close()

	done := make(chan struct{}, 2)
	go func() { io.Copy(backend, client); done <- struct{}{} }()
	go func() { io.Copy(client, backend); done <- struct{}{} }()
	<-done
}

// Shutdown marks the proxy as shutting down and waits for in-flight
// connections to drain. The caller closes the listener itself.
func (p *Proxy) Shutdown() {
	p.inShutdown.Store(true)
	p.wg.Wait()
}

// Active reports the number of connections currently proxied.
func (p *Proxy) Active() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.active)
}
