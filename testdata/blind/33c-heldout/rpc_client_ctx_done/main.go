// BAD: Call returns as soon as ctx is done, but the goroutine that performs the round trip
// still sends its reply on the unbuffered pending channel, where no one will ever receive.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"time"
)

type Request struct {
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

type Reply struct {
	Result json.RawMessage `json:"result"`
	Err    string          `json:"error,omitempty"`
}

// Transport performs one blocking round trip.
type Transport interface {
	RoundTrip(req Request) (Reply, error)
}

type Client struct {
	tr      Transport
	retries int
}

func NewClient(tr Transport) *Client { return &Client{tr: tr, retries: 1} }

type callOutcome struct {
	reply Reply
	err   error
}

func (c *Client) Call(ctx context.Context, method string, params any) (json.RawMessage, error) {
	raw, err := json.Marshal(params)
	if err != nil {
		return nil, err
	}
	req := Request{Method: method, Params: raw}

	pending := make(chan callOutcome) // want "blocks forever"
	go func() {
		var out callOutcome
		for i := 0; i <= c.retries; i++ {
			out.reply, out.err = c.tr.RoundTrip(req)
			if out.err == nil {
				break
			}
		}
		pending <- out
	}()

	select {
	case out := <-pending:
		if out.err != nil {
			return nil, out.err
		}
		if out.reply.Err != "" {
			return nil, fmt.Errorf("%s: %s", method, out.reply.Err)
		}
		return out.reply.Result, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

type slowTransport struct{}

func (slowTransport) RoundTrip(req Request) (Reply, error) {
	time.Sleep(time.Duration(rand.Intn(400)) * time.Millisecond)
	return Reply{Result: json.RawMessage(`"ok"`)}, nil
}

func main() {
	c := NewClient(slowTransport{})
	for i := 0; i < 5; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		res, err := c.Call(ctx, "Status.Get", map[string]int{"id": i})
		cancel()
		fmt.Println(i, string(res), err)
	}
}
