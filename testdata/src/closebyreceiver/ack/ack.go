// Package ack: a worker's only send on done acknowledges a stop
// request, and the closer takes the acknowledgement before it closes
// done (ristretto's processItems and Close).
package ack

import "time"

type Worker struct {
	items chan int
	stop  chan struct{}
	done  chan struct{}
	sum   int
}

func NewWorker() *Worker {
	w := &Worker{items: make(chan int, 8), stop: make(chan struct{}), done: make(chan struct{})}
	go w.process()
	return w
}

func (w *Worker) process() {
	for {
		select {
		case it := <-w.items:
			w.sum += it
		case <-w.stop:
			w.done <- struct{}{}
			return
		}
	}
}

func (w *Worker) Put(it int) { w.items <- it }

// Clear stops the worker, drains its items and starts it again.
func (w *Worker) Clear() {
	w.stop <- struct{}{}
	<-w.done
	for len(w.items) > 0 {
		<-w.items
	}
	go w.process()
}

func (w *Worker) Close() {
	w.Clear()
	w.stop <- struct{}{}
	<-w.done
	close(w.stop)
	close(w.done) // silent: the one acknowledgement has been taken
}

// Chatty's worker also sends on done for every item: a send can
// follow the close.
type Chatty struct {
	items chan int
	stop  chan struct{}
	done  chan struct{}
}

func NewChatty() *Chatty {
	c := &Chatty{items: make(chan int, 8), stop: make(chan struct{}), done: make(chan struct{}, 8)}
	go c.process()
	return c
}

func (c *Chatty) process() {
	for {
		select {
		case <-c.items:
			c.done <- struct{}{}
		case <-c.stop:
			c.done <- struct{}{}
			return
		}
	}
}

func (c *Chatty) Put(it int) { c.items <- it }

func (c *Chatty) Close() {
	c.stop <- struct{}{}
	<-c.done
	close(c.done) // want `c.done closed by its receiver while another goroutine sends on it`
}

// Hasty gives up waiting for the acknowledgement after a second and
// closes done anyway: the worker's late acknowledgement panics.
type Hasty struct {
	items chan int
	stop  chan struct{}
	done  chan struct{}
}

func NewHasty() *Hasty {
	h := &Hasty{items: make(chan int, 8), stop: make(chan struct{}, 1), done: make(chan struct{})}
	go h.process()
	return h
}

func (h *Hasty) process() {
	for {
		select {
		case <-h.items:
		case <-h.stop:
			h.done <- struct{}{}
			return
		}
	}
}

func (h *Hasty) Put(it int) { h.items <- it }

func (h *Hasty) Close() {
	h.stop <- struct{}{}
	select {
	case <-h.done:
	case <-time.After(time.Second):
	}
	close(h.done) // want `h.done closed by its receiver while another goroutine sends on it`
}
