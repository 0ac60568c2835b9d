package rpcmux

import (
	"encoding/json"
	"errors"
	"net"
	"sync"
)

type request struct {
	ID     uint64          `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

type response struct {
	ID     uint64          `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  string          `json:"error,omitempty"`
}

type Client struct {
	conn net.Conn
	enc  *json.Encoder
	wmu  sync.Mutex

	mu      sync.Mutex
	seq     uint64
	pending map[uint64]chan response

	done    chan struct{}
	readErr error
}

func Dial(addr string) (*Client, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	c := &Client{
		conn:    conn,
		enc:     json.NewEncoder(conn),
		pending: make(map[uint64]chan response),
		done:    make(chan struct{}),
	}
	go c.readLoop()
	return c, nil
}

func (c *Client) readLoop() {
	dec := json.NewDecoder(c.conn)
	for {
		var resp response
		if err := dec.Decode(&resp); err != nil {
			c.readErr = err
			close(c.done)
			return
		}
		c.mu.Lock()
		ch, ok := c.pending[resp.ID]
		delete(c.pending, resp.ID)
		c.mu.Unlock()
		if ok {
			ch <- resp
		}
	}
}

func (c *Client) Call(method string, params any) (json.RawMessage, error) {
	raw, err := json.Marshal(params)
	if err != nil {
		return nil, err
	}
	ch := make(chan response, 1)
	c.mu.Lock()
	c.seq++
	id := c.seq
	c.pending[id] = ch
	c.mu.Unlock()

	c.wmu.Lock()
	err = c.enc.Encode(request{ID: id, Method: method, Params: raw})
	c.wmu.Unlock()
	if err != nil {
		c.mu.Lock()
		delete(c.pending, id)
		c.mu.Unlock()
		return nil, err
	}

	select {
	case resp := <-ch:
		if resp.Error != "" {
			return nil, errors.New(resp.Error)
		}
		return resp.Result, nil
	case <-c.done:
		return nil, c.readErr
	}
}

func (c *Client) Close() error { return c.conn.Close() }
