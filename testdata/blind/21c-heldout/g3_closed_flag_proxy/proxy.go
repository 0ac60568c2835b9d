// Correct: each Add is made under p.mu after checking p.closed, and Shutdown sets closed under the same mutex before it Waits (net/http style).
package g3_closed_flag_proxy

import (
	"errors"
	"io"
	"log"
	"net"
	"sync"
	"time"
)

// Proxy forwards every accepted TCP connection to a fixed backend.
type Proxy struct {
	ln      net.Listener
	backend string
	dialTO  time.Duration

	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
}

// NewProxy creates a proxy for ln that forwards to backend.
func NewProxy(ln net.Listener, backend string) *Proxy {
	return &Proxy{ln: ln, backend: backend, dialTO: 5 * time.Second}
}

// Serve accepts connections until Shutdown is called.
func (p *Proxy) Serve() error {
	for {
		conn, err := p.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			return err
		}
		if !p.trackConn() {
			conn.Close()
			return nil
		}
		go p.forward(conn)
	}
}

// trackConn registers a connection unless the proxy is shutting down.
func (p *Proxy) trackConn() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return false
	}
	p.wg.Add(1)
	return true
}

func (p *Proxy) forward(client net.Conn) {
	defer p.wg.Done()
	defer client.Close()
	up, err := net.DialTimeout("tcp", p.backend, p.dialTO)
	if err != nil {
		log.Printf("proxy: dial %s: %v", p.backend, err)
		return
	}
	defer up.Close()

	done := make(chan struct{})
	go func() {
		io.Copy(up, client)
		up.(*net.TCPConn).CloseWrite()
		close(done)
	}()
	io.Copy(client, up)
	<-done
}

// Shutdown stops new connections and waits for in-flight ones to finish.
func (p *Proxy) Shutdown() error {
	p.mu.Lock()
	p.closed = true
	err := p.ln.Close()
	p.mu.Unlock()
	p.wg.Wait()
	return err
}
