package failall

import (
	"context"
	"errors"
	"sync"
)

type Response struct {
	ID   uint64
	Body []byte
	Err  error
}

type pendingCall struct {
	id   uint64
	done chan Response
}

func (pc *pendingCall) resolve(r Response) {
	pc.done <- r
}

type Client struct {
	mu      sync.Mutex
	nextID  uint64
	pending map[uint64]*pendingCall
	out     chan<- uint64
}

func NewClient(out chan<- uint64, in <-chan Response) *Client {
	c := &Client{pending: make(map[uint64]*pendingCall), out: out}
	go c.readLoop(in)
	return c
}

func (c *Client) Call(ctx context.Context) (Response, error) {
	c.mu.Lock()
	c.nextID++
	pc := &pendingCall{id: c.nextID, done: make(chan Response, 1)}
	c.pending[pc.id] = pc
	c.mu.Unlock()

	c.out <- pc.id
	select {
	case r := <-pc.done:
		return r, r.Err
	case <-ctx.Done():
		return Response{}, ctx.Err()
	}
}

func (c *Client) readLoop(in <-chan Response) {
	defer c.abortAll(ErrConnLost)
	for r := range in {
		c.mu.Lock()
		pc := c.pending[r.ID]
		delete(c.pending, r.ID)
		c.mu.Unlock()
		if pc != nil {
			pc.resolve(r)
		}
	}
}

var (
	ErrConnLost = errors.New("rpc: connection lost")
	ErrClosed   = errors.New("rpc: client closed")
)

func (c *Client) abortAll(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, pc := range c.pending {
		pc.resolve(Response{ID: pc.id, Err: err})
	}
}

func (c *Client) Close() {
	c.abortAll(ErrClosed)
}
