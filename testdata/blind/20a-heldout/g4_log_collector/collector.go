// Correct: Shutdown stores inShutdown, then locks c.mu to close listeners and unlocks before waiting; Serve and the accept loop Add only under c.mu after testing inShutdown, which is never reset.
package g4_log_collector

import (
	"bufio"
	"context"
	"errors"
	"net"
	"sync"
	"sync/atomic"
)

// ErrCollectorClosed is returned by Serve once Shutdown has begun.
var ErrCollectorClosed = errors.New("collector: closed")

// Collector receives newline-delimited log records over TCP and hands each
// one to Sink.
type Collector struct {
	Sink func(remote, line string)

	inShutdown atomic.Bool
	mu         sync.Mutex
	listeners  []net.Listener
	wg         sync.WaitGroup
}

// ListenAndServe listens on addr and serves it until Shutdown.
func (c *Collector) ListenAndServe(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return c.Serve(ln)
}

// Serve accepts log streams on ln. Run it as go c.Serve(ln), once per listener.
func (c *Collector) Serve(ln net.Listener) error {
	c.mu.Lock()
	if c.inShutdown.Load() {
		c.mu.Unlock()
		ln.Close()
		return ErrCollectorClosed
	}
	c.listeners = append(c.listeners, ln)
	c.wg.Add(1)
	c.mu.Unlock()
	defer c.wg.Done()

	for {
		conn, err := ln.Accept()
		if err != nil {
			if c.inShutdown.Load() {
				return ErrCollectorClosed
			}
			return err
		}
		c.mu.Lock()
		if c.inShutdown.Load() {
			c.mu.Unlock()
			conn.Close()
			return ErrCollectorClosed
		}
		c.wg.Add(1)
		c.mu.Unlock()
		go c.readStream(conn)
	}
}

func (c *Collector) readStream(conn net.Conn) {
	defer c.wg.Done()
	defer conn.Close()
	remote := conn.RemoteAddr().String()
	sc := bufio.NewScanner(conn)
	for sc.Scan() {
		if c.Sink != nil {
			c.Sink(remote, sc.Text())
		}
	}
}

// Shutdown closes all listeners and waits, until ctx is done, for open
// streams to be drained by their clients.
func (c *Collector) Shutdown(ctx context.Context) error {
	c.inShutdown.Store(true)

	c.mu.Lock()
	for _, ln := range c.listeners {
		ln.Close()
	}
	c.listeners = nil
	c.mu.Unlock()

	done := make(chan struct{})
	go func() {
		c.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
