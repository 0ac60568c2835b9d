package b2_conn_pump

import (
	"bufio"
	"io"
	"strings"
	"sync"
)

// Message is one line-delimited frame read from the peer.
type Message struct {
	Kind string
	Body string
}

// Conn wraps a line-oriented stream and forwards parsed frames to Inbox().
type Conn struct {
	rc    io.ReadCloser
	inbox chan Message
	errs  chan error
	stop  chan struct{}
	once  sync.Once
}

// Dial wraps rc and starts the read pump.
func Dial(rc io.ReadCloser) *Conn {
	c := &Conn{
		rc:    rc,
		inbox: make(chan Message, 8),
		errs:  make(chan error, 1),
		stop:  make(chan struct{}),
	}
	go pump(c.rc, c.inbox, c.errs, c.stop)
	return c
}

func (c *Conn) Inbox() <-chan Message { return c.inbox }
func (c *Conn) Errors() <-chan error  { return c.errs }

// pump reads lines until EOF or stop, forwarding each parsed message on out.
func pump(r io.Reader, out chan<- Message, errc chan<- error, stop <-chan struct{}) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m, ok := parse(sc.Text())
		if !ok {
			continue
		}
		select {
		case out <- m:
		case <-stop:
			return
		}
	}
	if err := sc.Err(); err != nil {
		select {
		case errc <- err:
		default:
		}
	}
}

func parse(line string) (Message, bool) {
	kind, body, ok := strings.Cut(line, " ")
	if !ok || kind == "" {
		return Message{}, false
	}
	return Message{Kind: kind, Body: body}, true
}

// Close shuts the connection down. Subsequent calls are no-ops.
func (c *Conn) Close() error {
	err := c.rc.Close()
	c.shutdown()
	return err
}

func (c *Conn) shutdown() {
	c.once.Do(func() {
		close(c.stop)
		close(c.inbox) // BAD: pump may still be sending on inbox (handed to it as out); nothing waits for pump to return
		close(c.errs)  // BAD: pump sends scanner errors on errs and may not have exited yet
	})
}
