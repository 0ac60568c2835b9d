package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

var (
	errClosed  = errors.New("memconn: closed")
	errTimeout = errors.New("memconn: i/o timeout")
)

// deadline is a resettable timer that closes a channel when it fires.
type deadline struct {
	mu     sync.Mutex
	timer  *time.Timer
	expiry chan struct{}
}

func newDeadline() *deadline { return &deadline{expiry: make(chan struct{})} }

func (d *deadline) set(t time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil && !d.timer.Stop() {
		d.expiry = make(chan struct{})
	}
	select {
	case <-d.expiry:
		d.expiry = make(chan struct{})
	default:
	}
	if t.IsZero() {
		return
	}
	ch := d.expiry
	d.timer = time.AfterFunc(time.Until(t), func() { close(ch) })
}

func (d *deadline) wait() <-chan struct{} {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.expiry
}

// memConn is one end of an in-memory connection.
type memConn struct {
	rx, tx     chan []byte
	localDone  chan struct{}
	remoteDone chan struct{}
	once       sync.Once
	readDL     *deadline
}

func memPipe() (*memConn, *memConn) {
	ab, ba := make(chan []byte), make(chan []byte)
	da, db := make(chan struct{}), make(chan struct{})
	a := &memConn{rx: ba, tx: ab, localDone: da, remoteDone: db, readDL: newDeadline()}
	b := &memConn{rx: ab, tx: ba, localDone: db, remoteDone: da, readDL: newDeadline()}
	return a, b
}

func (c *memConn) SetReadDeadline(t time.Time) { c.readDL.set(t) }

func (c *memConn) Read() ([]byte, error) {
	select {
	case b := <-c.rx:
		return b, nil
	case <-c.localDone:
		return nil, errClosed
	case <-c.remoteDone:
		return nil, errClosed
	case <-c.readDL.wait():
		return nil, errTimeout
	}
}

func (c *memConn) Write(b []byte) error {
	select {
	case c.tx <- b:
		return nil
	case <-c.localDone:
		return errClosed
	case <-c.remoteDone:
		return errClosed
	}
}

func (c *memConn) Close() { c.once.Do(func() { close(c.localDone) }) }

func main() {
	cli, srv := memPipe()

	go func() {
		defer srv.Close()
		for {
			srv.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
			req, err := srv.Read()
			if err != nil {
				fmt.Println("server:", err)
				return
			}
			if string(req) == "bye" {
				return
			}
			if err := srv.Write(append([]byte("echo "), req...)); err != nil {
				return
			}
		}
	}()

	for _, m := range []string{"one", "two", "bye", "late"} {
		if err := cli.Write([]byte(m)); err != nil {
			fmt.Println("client write:", err)
			break
		}
		if m == "bye" {
			continue
		}
		resp, err := cli.Read()
		if err != nil {
			fmt.Println("client read:", err)
			break
		}
		fmt.Println(string(resp))
	}
	cli.Close()
}
