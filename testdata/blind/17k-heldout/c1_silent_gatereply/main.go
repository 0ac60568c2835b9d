package main

import (
	"context"
	"fmt"
	"log"
	"time"
)

// gate is a mutual-exclusion lock made from a one-slot channel.
type gate chan struct{}

func newGate() gate    { return make(gate, 1) }
func (g gate) lock()   { g <- struct{}{} }
func (g gate) unlock() { <-g }

type reply struct {
	seq  int
	body string
	err  error
}

// rpcClient issues requests to a slow backend and tracks in-flight calls.
type rpcClient struct {
	g        gate
	inflight map[int]string
	nextSeq  int
	latency  time.Duration
}

func newRPCClient(latency time.Duration) *rpcClient {
	return &rpcClient{g: newGate(), inflight: make(map[int]string), latency: latency}
}

func (c *rpcClient) begin(method string) int {
	c.g.lock()
	defer c.g.unlock()
	c.nextSeq++
	c.inflight[c.nextSeq] = method
	return c.nextSeq
}

func (c *rpcClient) finish(seq int) {
	c.g.lock()
	delete(c.inflight, seq)
	c.g.unlock()
}

// roundTrip simulates the backend; it honours ctx.
func (c *rpcClient) roundTrip(ctx context.Context, seq int, method string) (string, error) {
	select {
	case <-time.After(c.latency):
		return fmt.Sprintf("%s#%d ok", method, seq), nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// Call starts the round trip in the background and waits for the reply
// or for ctx to end, whichever comes first.
func (c *rpcClient) Call(ctx context.Context, method string) (string, error) {
	seq := c.begin(method)
	defer c.finish(seq)

	replies := make(chan reply, 1)
	go func() {
		body, err := c.roundTrip(ctx, seq, method)
		if err != nil {
			log.Printf("call %d (%s) abandoned: %v", seq, method, err)
			return
		}
		replies <- reply{seq: seq, body: body}
	}()

	select {
	case r := <-replies:
		return r.body, r.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	c := newRPCClient(50 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	body, err := c.Call(ctx, "Status")
	fmt.Println(body, err)
}
