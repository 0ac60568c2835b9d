// Package portscan probes a list of addresses and reports which are open.
package portscan

import (
	"context"
	"net"
	"time"
)

// Result is the outcome of probing one address.
type Result struct {
	Addr string
	Open bool
}

// Scanner probes addresses in the background.
type Scanner struct {
	addrs   []string
	timeout time.Duration
	cancel  context.CancelFunc
	done    chan struct{}
}

// NewScanner returns a scanner for addrs.
func NewScanner(addrs []string, timeout time.Duration) *Scanner {
	return &Scanner{addrs: addrs, timeout: timeout}
}

// Start probes every address repeatedly and sends results to out.
func (s *Scanner) Start(ctx context.Context, out chan<- Result) {
	ctx, s.cancel = context.WithCancel(ctx)
	s.done = make(chan struct{})
	go func() {
		defer close(s.done)
		d := net.Dialer{Timeout: s.timeout}
		for {
			for _, a := range s.addrs {
				c, err := d.DialContext(ctx, "tcp", a)
				if err == nil {
					c.Close()
				}
				select {
				case out <- Result{Addr: a, Open: err == nil}:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
}

// Close stops the scan and waits for the probe goroutine to exit.
func (s *Scanner) Close() {
	s.cancel()
	<-s.done
}
