// BAD: Probe starts a closure goroutine that performs the check and records the outcome in
// fields of the struct, then sleeps and returns those fields as if the check had completed.
package main

import (
	"fmt"
	"net"
	"sync"
	"time"
)

// Status is the outcome of a health probe.
type Status struct {
	Healthy bool
	Latency time.Duration
	Err     error
}

// Prober checks whether a TCP endpoint accepts connections.
type Prober struct {
	addr    string
	timeout time.Duration

	mu   sync.Mutex
	last Status
}

// NewProber returns a prober for addr.
func NewProber(addr string, timeout time.Duration) *Prober {
	return &Prober{addr: addr, timeout: timeout}
}

func (p *Prober) record(s Status) {
	p.mu.Lock()
	p.last = s
	p.mu.Unlock()
}

// Probe runs a health check and returns its result.
func (p *Prober) Probe() Status {
	go func() {
		start := time.Now()
		conn, err := net.DialTimeout("tcp", p.addr, p.timeout)
		if err != nil {
			p.record(Status{Err: err, Latency: time.Since(start)})
			return
		}
		conn.Close()
		p.record(Status{Healthy: true, Latency: time.Since(start)})
	}()

	time.Sleep(p.timeout / 2) // want "time.Sleep used to wait"

	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()

	p := NewProber(ln.Addr().String(), 200*time.Millisecond)
	st := p.Probe()
	fmt.Printf("healthy=%v latency=%v err=%v\n", st.Healthy, st.Latency, st.Err)
}
