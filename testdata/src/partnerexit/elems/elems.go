// Package elems holds one-shot protocols per element of a slice of
// channels kept in a field: a sender that sends at most once on each
// element, in order, and a receiver that receives once from each.
package elems

import (
	"context"
	"errors"
)

type replica struct {
	chans []chan bool
}

func newReplica() *replica {
	r := &replica{}
	r.chans = append(r.chans, make(chan bool), make(chan bool))
	return r
}

// sendChans can return on ctx.Done before it reaches an element.
func (r *replica) sendChans(ctx context.Context) {
	for _, ch := range r.chans {
		select {
		case ch <- true:
		case <-ctx.Done():
			return
		}
	}
}

func (r *replica) drain() {
	for _, ch := range r.chans {
		<-ch // want "receive from ch may block forever: the goroutine that sends on it can return without sending"
	}
}

func run(ctx context.Context) {
	r := newReplica()
	go r.sendChans(ctx)
	go r.drain()
}

// A sender that gives up on an error, by index.
type batch struct {
	acks []chan error
	keys []string
}

var errStop = errors.New("stop")

func (b *batch) check(i int) error {
	if b.keys[i] == "" {
		return errStop
	}
	return nil
}

func (b *batch) commit() {
	for i := 0; i < len(b.acks); i++ {
		if err := b.check(i); err != nil {
			return
		}
		b.acks[i] <- nil
	}
}

func (b *batch) wait() {
	for i := range b.acks {
		<-b.acks[i] // want "receive from b.acks.i. may block forever: the goroutine that sends on it can return without sending"
	}
}

func startBatch(keys []string) *batch {
	b := &batch{acks: make([]chan error, 0, 2), keys: keys}
	b.acks = append(b.acks, make(chan error), make(chan error))
	go b.commit()
	b.wait()
	return b
}

// Not reported: the sender sends on every element.
type all struct{ chans []chan int }

func (a *all) send() {
	for i, ch := range a.chans {
		ch <- i
	}
}

func (a *all) recv() {
	for _, ch := range a.chans {
		<-ch
	}
}

func startAll() {
	a := &all{}
	a.chans = append(a.chans, make(chan int))
	go a.send()
	a.recv()
}

// Not reported: the sender closes every element on its way out.
type closing struct{ chans []chan int }

func (c *closing) send(ctx context.Context) {
	defer func() {
		for _, ch := range c.chans {
			close(ch)
		}
	}()
	for i, ch := range c.chans {
		select {
		case ch <- i:
		case <-ctx.Done():
			return
		}
	}
}

func (c *closing) recv() {
	for _, ch := range c.chans {
		<-ch
	}
}

func startClosing(ctx context.Context) {
	c := &closing{}
	c.chans = append(c.chans, make(chan int))
	go c.send(ctx)
	c.recv()
}

// Not reported: the slice is handed to code the model cannot follow,
// which may send on its elements.
type shared struct{ chans []chan int }

func (s *shared) send(ctx context.Context) {
	for i, ch := range s.chans {
		select {
		case ch <- i:
		case <-ctx.Done():
			return
		}
	}
}

func (s *shared) recv() {
	for _, ch := range s.chans {
		<-ch
	}
}

var sink func([]chan int)

func startShared(ctx context.Context) {
	s := &shared{}
	s.chans = append(s.chans, make(chan int))
	sink(s.chans)
	go s.send(ctx)
	s.recv()
}

// Not reported: the receiver waits on the first element every time,
// not once per element.
type first struct{ chans []chan int }

func (f *first) send(ctx context.Context) {
	for i, ch := range f.chans {
		select {
		case ch <- i:
		case <-ctx.Done():
			return
		}
	}
}

func (f *first) recv() {
	for range f.chans {
		<-f.chans[0]
	}
}

func startFirst(ctx context.Context) {
	f := &first{}
	f.chans = append(f.chans, make(chan int))
	go f.send(ctx)
	f.recv()
}

// Not reported: the sender retries each element in a loop of its own,
// so an element may get several sends.
type retry struct{ chans []chan int }

func (r *retry) send(ctx context.Context) {
	for i, ch := range r.chans {
		for {
			select {
			case ch <- i:
			case <-ctx.Done():
				return
			}
			if i > 0 {
				break
			}
		}
	}
}

func (r *retry) recv() {
	for _, ch := range r.chans {
		<-ch
	}
}

func startRetry(ctx context.Context) {
	r := &retry{}
	r.chans = append(r.chans, make(chan int))
	go r.send(ctx)
	r.recv()
}

// Not reported: a channel from elsewhere is stored in an element.
type foreign struct{ chans []chan int }

func (f *foreign) send(ctx context.Context) {
	for i, ch := range f.chans {
		select {
		case ch <- i:
		case <-ctx.Done():
			return
		}
	}
}

func (f *foreign) recv() {
	for _, ch := range f.chans {
		<-ch
	}
}

func startForeign(ctx context.Context, in chan int) {
	f := &foreign{chans: make([]chan int, 1)}
	f.chans[0] = in
	go f.send(ctx)
	f.recv()
}
