// Package turns holds writes serialized by turn-taking rather than by
// a mutex around the access: textproto.Pipeline runs the sections
// between StartRequest(id) and EndRequest(id) one at a time (and those
// between StartResponse and EndResponse), so a write made only inside
// such sections is never concurrent with another. A write outside any
// section, or one between the Start and End methods of a type not
// known to take turns, is not serialized.
package turns

import (
	"net/textproto"
	"sync"
)

type conn struct{ sent, got int }

func (c *conn) send() error    { c.sent++; return nil }
func (c *conn) receive() error { c.got++; return nil }

// Pipelined writes the shared err only inside request sections and
// shared n only inside response sections.
func Pipelined(c *conn, workers int) error {
	var pipeline textproto.Pipeline
	var wg sync.WaitGroup
	var err error
	n := 0
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := pipeline.Next()
			pipeline.StartRequest(id)
			err = c.send()
			pipeline.EndRequest(id)
			pipeline.StartResponse(id)
			defer pipeline.EndResponse(id)
			n++
		}()
	}
	wg.Wait()
	_ = n
	return err
}

func check(id uint) error { return nil }

// A tracer marks sections of a request by id, as a Pipeline does, but
// nothing makes one section wait for another.
type tracer struct{ started, ended sync.Map }

func (t *tracer) StartRequest(id uint) { t.started.Store(id, true) }
func (t *tracer) EndRequest(id uint)   { t.ended.Store(id, true) }

// Traced writes err between Start and End of a type not known to take
// turns: nothing serializes the writes.
func Traced(c *conn, workers int) error {
	var tr tracer
	var wg sync.WaitGroup
	var err error
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func(id uint) {
			defer wg.Done()
			tr.StartRequest(id)
			err = check(id) // want `write to err in a goroutine started in a loop races with the other goroutines: no lock is held`
			tr.EndRequest(id)
		}(uint(i))
	}
	wg.Wait()
	return err
}

// Outside writes err after its section has ended.
func Outside(c *conn, workers int) error {
	var pipeline textproto.Pipeline
	var wg sync.WaitGroup
	var err error
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := pipeline.Next()
			pipeline.StartRequest(id)
			e := c.send()
			pipeline.EndRequest(id)
			err = e // want `write to err in a goroutine started in a loop races with the other goroutines: no lock is held`
		}()
	}
	wg.Wait()
	return err
}
