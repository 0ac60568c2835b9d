// Class 1, BAD: acquire hands p.mu to the caller through the returned release func, but when dial fails it returns the error with p.mu still locked and Exec just returns, so every later Exec blocks on p.mu.
package c1_bad_acquireconn

import (
	"fmt"
	"net"
	"sync"
	"time"
)

// Pool serializes all traffic over one lazily dialed connection.
type Pool struct {
	mu   sync.Mutex
	addr string
	conn net.Conn
}

func NewPool(addr string) *Pool { return &Pool{addr: addr} }

func (p *Pool) acquire() (net.Conn, func(), error) {
	p.mu.Lock()
	if p.conn == nil {
		c, err := net.DialTimeout("tcp", p.addr, 2*time.Second)
		if err != nil {
			return nil, nil, fmt.Errorf("dial %s: %w", p.addr, err) // WANT lockleak
		}
		p.conn = c
	}
	return p.conn, p.mu.Unlock, nil
}

func (p *Pool) Exec(cmd string) (string, error) {
	c, release, err := p.acquire()
	if err != nil {
		return "", err
	}
	defer release()
	if _, err := fmt.Fprintf(c, "%s\r\n", cmd); err != nil {
		return "", err
	}
	buf := make([]byte, 512)
	n, err := c.Read(buf)
	return string(buf[:n]), err
}
