// Correct: the accept loop only calls wg.Add under mu after checking closed, and Close sets closed under mu before it Waits.
package g2_closed_flag_accept

import (
	"errors"
	"io"
	"net"
	"sync"
)

// Proxy forwards every accepted connection to a fixed backend.
type Proxy struct {
	backend string
	ln      net.Listener

	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
}

// Listen opens the front listener and starts proxying.
func Listen(front, backend string) (*Proxy, error) {
	ln, err := net.Listen("tcp", front)
	if err != nil {
		return nil, err
	}
	p := &Proxy{backend: backend, ln: ln}
	go p.serve()
	return p, nil
}

func (p *Proxy) serve() {
	for {
		conn, err := p.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			continue
		}
		if !p.begin() {
			conn.Close()
			return
		}
		go p.forward(conn)
	}
}

// begin registers one more forwarding goroutine unless the proxy is closed.
func (p *Proxy) begin() bool {
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
	up, err := net.Dial("tcp", p.backend)
	if err != nil {
		return
	}
	defer up.Close()
	go io.Copy(up, client)
	io.Copy(client, up)
}

// Close stops accepting and waits for registered forwarders.
func (p *Proxy) Close() error {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	err := p.ln.Close()
	p.wg.Wait()
	return err
}
