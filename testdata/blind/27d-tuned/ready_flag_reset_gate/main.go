// BAD: `ready` is set by Connect but cleared again by Disconnect during a reconnect, so a
// caller woken by Connect may run after the next Disconnect and use a nil connection; the `if` never re-checks.
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type conn struct {
	addr string
}

func (c *conn) Send(msg string) error {
	if c == nil {
		return errors.New("send on nil connection")
	}
	return nil
}

// Upstream tracks the current connection to a backend that may flap.
type Upstream struct {
	mu    sync.Mutex
	cond  *sync.Cond
	ready bool
	c     *conn
	addr  string
}

func NewUpstream(addr string) *Upstream {
	u := &Upstream{addr: addr}
	u.cond = sync.NewCond(&u.mu)
	return u
}

func (u *Upstream) Connect() {
	u.mu.Lock()
	u.c = &conn{addr: u.addr}
	u.ready = true
	u.mu.Unlock()
	u.cond.Broadcast()
}

func (u *Upstream) Disconnect() {
	u.mu.Lock()
	u.c = nil
	u.ready = false
	u.mu.Unlock()
}

// waitConn blocks until the upstream is connected and returns the connection.
func (u *Upstream) waitConn() *conn {
	u.mu.Lock()
	defer u.mu.Unlock()
	if !u.ready {
		u.cond.Wait() // want "Wait called under if"
	}
	return u.c
}

func (u *Upstream) Publish(msg string) error {
	return u.waitConn().Send(msg)
}

// reconnectLoop simulates a flaky link that drops and comes back.
func (u *Upstream) reconnectLoop(rounds int) {
	for i := 0; i < rounds; i++ {
		u.Connect()
		time.Sleep(time.Millisecond)
		u.Disconnect()
		time.Sleep(time.Millisecond)
	}
	u.Connect()
}

func main() {
	up := NewUpstream("10.0.0.7:5672")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if err := up.Publish(fmt.Sprintf("event-%d", i)); err != nil {
				fmt.Println("publish failed:", err)
			}
		}(i)
	}
	up.reconnectLoop(5)
	wg.Wait()
}
