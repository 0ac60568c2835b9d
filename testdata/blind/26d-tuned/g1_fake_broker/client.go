// Correct: the library defers every cancel, and the test fixtures hand their cancels on (struct field, channel).
package g1_fake_broker

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"time"
)

// Client publishes line-delimited messages to a broker.
type Client struct {
	Addr    string
	Timeout time.Duration
	// Connect is the dial hook; tests replace it with an in-memory fake.
	Connect func(ctx context.Context, addr string) (net.Conn, error)
}

func NewClient(addr string) *Client {
	var d net.Dialer
	return &Client{
		Addr:    addr,
		Timeout: 2 * time.Second,
		Connect: func(ctx context.Context, addr string) (net.Conn, error) { return d.DialContext(ctx, "tcp", addr) },
	}
}

// Publish sends one message on topic and waits for the broker's ack line.
func (c *Client) Publish(parent context.Context, topic, msg string) error {
	ctx, cancel := context.WithTimeout(parent, c.Timeout)
	defer cancel()
	conn, err := c.Connect(ctx, c.Addr)
	if err != nil {
		return fmt.Errorf("publish: connect: %w", err)
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	if _, err := fmt.Fprintf(conn, "PUB %s %s\n", topic, msg); err != nil {
		return err
	}
	ack, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return err
	}
	if ack != "OK\n" {
		return fmt.Errorf("publish: broker said %q", ack)
	}
	return nil
}
