package b1_rpcclient_reconnect

import (
	"errors"
	"io"
	"sync"
)

// ErrShutdown is returned by Call once the client has been closed.
var ErrShutdown = errors.New("rpc: client is shut down")

type Response struct {
	ID    uint64
	Body  []byte
	Error error
}

// Conn is a framed, full-duplex transport.
type Conn interface {
	WriteRequest(id uint64, body []byte) error
	ReadResponse() (Response, error)
	Close() error
}

type Dialer func() (Conn, error)

// Client multiplexes calls over one Conn and can re-dial a broken Conn.
type Client struct {
	dial Dialer

	mu       sync.Mutex
	conn     Conn
	seq      uint64
	pending  map[uint64]chan Response // nil once the conn failed
	closeErr error                    // why pending became nil
}

func NewClient(dial Dialer) (*Client, error) {
	c := &Client{dial: dial}
	if err := c.Reconnect(); err != nil {
		return nil, err
	}
	return c, nil
}

// Reconnect dials a fresh Conn and makes the client usable again.
func (c *Client) Reconnect() error {
	conn, err := c.dial()
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.conn = conn
	c.pending = make(map[uint64]chan Response)
	c.closeErr = nil
	c.mu.Unlock()
	go c.readLoop(conn)
	return nil
}

func (c *Client) readLoop(conn Conn) {
	for {
		resp, err := conn.ReadResponse()
		if err != nil {
			c.terminate(conn, err)
			return
		}
		c.mu.Lock()
		ch := c.pending[resp.ID]
		delete(c.pending, resp.ID)
		c.mu.Unlock()
		if ch != nil {
			ch <- resp
		}
	}
}

// terminate fails all calls pending on conn; stale conns are ignored.
func (c *Client) terminate(conn Conn, err error) {
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn != conn || c.pending == nil {
		return
	}
	c.closeErr = err
	for _, ch := range c.pending {
		close(ch)
	}
	c.pending = nil
}

// register reserves a sequence number; a nil channel means the conn is gone.
func (c *Client) register() (uint64, chan Response, Conn) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pending == nil {
		return 0, nil, nil
	}
	c.seq++
	ch := make(chan Response, 1)
	c.pending[c.seq] = ch
	return c.seq, ch, c.conn
}

func (c *Client) Call(body []byte) ([]byte, error) {
	id, ch, conn := c.register()
	if ch == nil {
		return nil, c.closeErr // BAD: unlocked read; a concurrent Reconnect rewrites closeErr under c.mu after the nil-pending check
	}
	if err := conn.WriteRequest(id, body); err != nil {
		c.terminate(conn, err)
		return nil, err
	}
	resp, ok := <-ch
	if !ok {
		return nil, c.closeErr // BAD: unlocked read; Reconnect may reset closeErr concurrently, closing ch does not order against it
	}
	return resp.Body, resp.Error
}

// Close tears down the current conn; Reconnect may be used afterwards.
func (c *Client) Close() error {
	c.mu.Lock()
	conn := c.conn
	c.mu.Unlock()
	c.terminate(conn, ErrShutdown)
	return conn.Close()
}
