// Package once covers sends that run at most once per channel and
// that the closer has received on every path before it closes: no
// send can follow the close.
package once

import (
	"errors"
	"net"
	"sync"
	"time"
)

type Server struct {
	ln      net.Listener
	handler func(net.Conn)
	wg      sync.WaitGroup
}

// The serve goroutine sends on started once, before its accept loop;
// Start receives that value on every path before it closes the
// channel (blind case c4_silent_readyhandshake): silent.
func (s *Server) Start(addr string) (string, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	s.ln = ln
	started := make(chan string)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		started <- ln.Addr().String()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.handler(c)
		}
	}()
	bound := <-started
	close(started)
	return bound, nil
}

// Two goroutines started once, one send each, two receives before the
// close: silent.
func both(a, b func() error) error {
	errc := make(chan error, 2)
	go func() { errc <- a() }()
	go func() { errc <- b() }()
	err1 := <-errc
	err2 := <-errc
	close(errc)
	return errors.Join(err1, err2)
}

// The one send is in a helper the goroutine calls once: silent.
func viaHelper(f func() int) int {
	ch := make(chan int)
	go report(ch, f)
	v := <-ch
	close(ch)
	return v
}

func report(ch chan int, f func() int) { ch <- f() }

type dialResult struct {
	conn net.Conn
	err  error
}

// One dialer per address, each sending once; the first result is
// received and the channel closed while the others may still send
// (blind case c4_bad_firstdial).
func DialFirst(addrs []string) (net.Conn, error) {
	results := make(chan dialResult, 1)
	for _, a := range addrs {
		go func(addr string) {
			c, err := net.Dial("tcp", addr)
			results <- dialResult{conn: c, err: err}
		}(a)
	}
	first := <-results
	close(results) // want `results closed by its receiver while another goroutine sends on it`
	return first.conn, first.err
}

// The sender sends twice: one receive does not order the second send.
func twoSends() int {
	ch := make(chan int, 1)
	go func() {
		ch <- 1
		ch <- 2
	}()
	v := <-ch
	close(ch) // want `ch closed by its receiver while another goroutine sends on it`
	return v
}

// The sender loops.
func loops() int {
	ch := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			ch <- i
		}
	}()
	v := <-ch
	close(ch) // want `ch closed by its receiver while another goroutine sends on it`
	return v
}

// The closer gives up on a timeout: on that path it has received
// nothing, and the late send panics.
func timeout(f func() int) int {
	ch := make(chan int, 1)
	go func() { ch <- f() }()
	v := -1
	select {
	case v = <-ch:
	case <-time.After(time.Second):
	}
	close(ch) // want `ch closed by its receiver while another goroutine sends on it`
	return v
}

// Two senders, one receive: the second send may follow the close.
func oneOfTwo(a, b func() int) int {
	ch := make(chan int, 2)
	go func() { ch <- a() }()
	go func() { ch <- b() }()
	v := <-ch
	close(ch) // want `ch closed by its receiver while another goroutine sends on it`
	return v
}

// The listener goroutine sends once: the error on one branch, nil on
// the other. One receive orders either: silent.
func listen(addr string, serve func(net.Listener)) error {
	errc := make(chan error)
	go func() {
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			errc <- err
			return
		}
		errc <- nil
		serve(ln)
	}()
	err := <-errc
	close(errc)
	return err
}

// The same goroutine reports failure and then success too: two sends
// on one path, one receive.
func listenTwice(addr string) error {
	errc := make(chan error, 1)
	go func() {
		_, err := net.Listen("tcp", addr)
		if err != nil {
			errc <- err
		}
		errc <- nil
	}()
	err := <-errc
	close(errc) // want `errc closed by its receiver while another goroutine sends on it`
	return err
}

// The ready channel lives in a field that Start alone sets; the one
// goroutine Start runs sends on it once, and Start receives before it
// closes: silent.
type Worker struct {
	ready chan struct{}
	work  func()
}

func (w *Worker) Start() {
	w.ready = make(chan struct{})
	go w.run()
	<-w.ready
	close(w.ready)
}

func (w *Worker) run() {
	w.ready <- struct{}{}
	for {
		w.work()
	}
}

// Anyone may call Ping, which sends on the field: a send can follow
// the close.
type Pinger struct {
	pong chan struct{}
}

func (p *Pinger) Start() {
	p.pong = make(chan struct{})
	go p.Ping()
	<-p.pong
	close(p.pong) // want `p.pong closed by its receiver while another goroutine sends on it`
}

func (p *Pinger) Ping() { p.pong <- struct{}{} }
