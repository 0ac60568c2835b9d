package b4_rpc_mux

import (
	"encoding/json"
	"errors"
	"io"
)

type request struct {
	ID     uint64 `json:"id"`
	Method string `json:"method"`
	Params any    `json:"params"`
}

type response struct {
	ID     uint64          `json:"id"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  string          `json:"error,omitempty"`
}

type call struct {
	method string
	params any
	reply  chan response
}

// Client multiplexes JSON-RPC calls over a single stream connection.
type Client struct {
	conn      io.ReadWriteCloser
	calls     chan *call
	responses chan response
	readErr   chan error
}

// NewClient starts the reader and dispatcher goroutines for conn.
func NewClient(conn io.ReadWriteCloser) *Client {
	c := &Client{
		conn:      conn,
		calls:     make(chan *call),
		responses: make(chan response),
		readErr:   make(chan error, 1),
	}
	go c.readLoop()
	go c.dispatch()
	return c
}

func (c *Client) readLoop() {
	dec := json.NewDecoder(c.conn)
	for {
		var resp response
		if err := dec.Decode(&resp); err != nil {
			c.readErr <- err
			return
		}
		c.responses <- resp
	}
}

// dispatch owns the pending table. It exits when the stream can no longer be decoded.
func (c *Client) dispatch() {
	enc := json.NewEncoder(c.conn)
	pending := make(map[uint64]chan response)
	var nextID uint64
	for {
		select {
		case cl := <-c.calls:
			nextID++
			if err := enc.Encode(request{ID: nextID, Method: cl.method, Params: cl.params}); err != nil {
				cl.reply <- response{ID: nextID, Error: err.Error()}
				continue
			}
			pending[nextID] = cl.reply
		case resp := <-c.responses:
			if ch, ok := pending[resp.ID]; ok {
				delete(pending, resp.ID)
				ch <- resp
			}
		case err := <-c.readErr:
			for id, ch := range pending {
				ch <- response{ID: id, Error: "connection lost: " + err.Error()}
			}
			return
		}
	}
}

// Call invokes method with params and decodes the result into out.
func (c *Client) Call(method string, params, out any) error {
	cl := &call{method: method, params: params, reply: make(chan response, 1)}
	c.calls <- cl // BAD: dispatch returns after a decode error on the stream; later callers block on this send forever
	resp := <-cl.reply
	if resp.Error != "" {
		return errors.New(resp.Error)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(resp.Result, out)
}

// Close closes the underlying connection, which makes the reader fail.
func (c *Client) Close() error {
	return c.conn.Close()
}
