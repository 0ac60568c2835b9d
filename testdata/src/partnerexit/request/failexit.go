package request

import (
	"bufio"
	"errors"
	"io"
)

// A journal whose writer loop gives up after a failed write or flush:
// an Append or Sync made after that blocks at its send for ever, and
// nothing tells it.
type journal struct {
	appends chan string
	syncs   chan chan error
}

func openJournal(w io.Writer) *journal {
	j := &journal{appends: make(chan string), syncs: make(chan chan error)}
	go j.writeLoop(bufio.NewWriter(w))
	return j
}

func (j *journal) writeLoop(buf *bufio.Writer) {
	for {
		select {
		case rec := <-j.appends:
			if _, err := buf.WriteString(rec); err != nil {
				return
			}
		case done := <-j.syncs:
			err := buf.Flush()
			done <- err
			if err != nil {
				return
			}
		}
	}
}

func (j *journal) Append(rec string) {
	j.appends <- rec // want `send on j.appends may block forever: the goroutine that receives from it can return first`
}

func (j *journal) Sync() error {
	done := make(chan error, 1)
	j.syncs <- done // want `send on j.syncs may block forever: the goroutine that receives from it can return first`
	return <-done
}

// A client whose dispatcher returns once its reader reports a decode
// error: a later Call blocks at its send.
type client struct {
	calls   chan string
	readErr chan error
}

func newClient() *client {
	c := &client{calls: make(chan string), readErr: make(chan error, 1)}
	go c.dispatch()
	go func() { c.readErr <- errors.New("decode") }()
	return c
}

func (c *client) dispatch() {
	for {
		select {
		case m := <-c.calls:
			_ = m
		case err := <-c.readErr:
			_ = err
			return
		}
	}
}

func (c *client) Call(m string) {
	c.calls <- m // want `send on c.calls may block forever`
}

// A pump that returns only when told to stop: a Push after Stop is the
// caller's mistake, not reported.
type pump struct {
	in   chan string
	quit chan struct{}
}

func newPump() *pump {
	p := &pump{in: make(chan string), quit: make(chan struct{})}
	go p.run()
	return p
}

func (p *pump) run() {
	for {
		select {
		case m := <-p.in:
			_ = m
		case <-p.quit:
			return
		}
	}
}

func (p *pump) Stop() { close(p.quit) }

func (p *pump) Push(m string) { p.in <- m }
