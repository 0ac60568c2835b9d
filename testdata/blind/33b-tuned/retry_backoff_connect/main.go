// GOOD: the sleeps are exponential backoff between connection attempts; the dial runs in a
// goroutine but its result is received from a channel (a real join) before it is used.
package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"
)

// Dialer connects to a server, retrying with exponential backoff.
type Dialer struct {
	Addr        string
	MaxAttempts int
	BaseDelay   time.Duration
	MaxDelay    time.Duration
}

type dialResult struct {
	conn net.Conn
	err  error
}

func (d *Dialer) attempt(ctx context.Context) (net.Conn, error) {
	ch := make(chan dialResult, 1)
	go func() {
		var nd net.Dialer
		c, err := nd.DialContext(ctx, "tcp", d.Addr)
		ch <- dialResult{conn: c, err: err}
	}()
	r := <-ch
	return r.conn, r.err
}

// Connect dials until it succeeds, the attempts run out, or ctx is done.
func (d *Dialer) Connect(ctx context.Context) (net.Conn, error) {
	delay := d.BaseDelay
	var lastErr error
	for i := 0; i < d.MaxAttempts; i++ {
		conn, err := d.attempt(ctx)
		if err == nil {
			return conn, nil
		}
		lastErr = err
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		fmt.Printf("attempt %d failed: %v; retrying in %v\n", i+1, err, delay)
		time.Sleep(delay)
		delay *= 2
		if delay > d.MaxDelay {
			delay = d.MaxDelay
		}
	}
	return nil, errors.Join(errors.New("giving up"), lastErr)
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens at first

	go func() {
		time.Sleep(60 * time.Millisecond) // server comes up late
		l, err := net.Listen("tcp", addr)
		if err != nil {
			return
		}
		defer l.Close()
		if c, err := l.Accept(); err == nil {
			c.Close()
		}
	}()

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	d := &Dialer{Addr: addr, MaxAttempts: 6, BaseDelay: 20 * time.Millisecond, MaxDelay: 200 * time.Millisecond}
	conn, err := d.Connect(ctx)
	if err != nil {
		fmt.Println("connect:", err)
		return
	}
	defer conn.Close()
	fmt.Println("connected to", conn.RemoteAddr())
}
