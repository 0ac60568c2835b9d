package b2_ingest_client

import (
	"bufio"
	"context"
	"net"
	"sync"
)

// Batch is a group of lines read from one upstream connection.
type Batch struct {
	Source string
	Lines  []string
}

// Sink receives batches from the writer goroutines.
type Sink interface {
	WriteBatch(Batch) error
}

// Client reads line-oriented feeds from upstream peers and forwards them
// in batches to a Sink through a fixed pool of writers.
type Client struct {
	dialer  net.Dialer
	sink    Sink
	batchSz int

	ctx     context.Context
	cancel  context.CancelFunc
	batches chan Batch
	writers sync.WaitGroup
}

func NewClient(sink Sink, writers, batchSize int) *Client {
	ctx, cancel := context.WithCancel(context.Background())
	c := &Client{
		sink:    sink,
		batchSz: batchSize,
		ctx:     ctx,
		cancel:  cancel,
		batches: make(chan Batch, writers*2),
	}
	for i := 0; i < writers; i++ {
		c.writers.Add(1)
		go c.writer()
	}
	return c
}

func (c *Client) writer() {
	defer c.writers.Done()
	for {
		select {
		case <-c.ctx.Done():
			return
		case b, ok := <-c.batches:
			if !ok {
				return
			}
			_ = c.sink.WriteBatch(b)
		}
	}
}

// Subscribe dials addr in the background and streams its lines.
func (c *Client) Subscribe(addr string) {
	go c.dialAndRead(addr)
}

func (c *Client) dialAndRead(addr string) {
	conn, err := c.dialer.DialContext(c.ctx, "tcp", addr)
	if err != nil {
		return
	}
	defer conn.Close()
	sc := bufio.NewScanner(conn)
	cur := Batch{Source: addr}
	for sc.Scan() {
		cur.Lines = append(cur.Lines, sc.Text())
		if len(cur.Lines) >= c.batchSz {
			c.batches <- cur
			cur = Batch{Source: addr}
		}
	}
	if len(cur.Lines) > 0 {
		c.batches <- cur
	}
}

// Close stops the writers and releases the batch channel.
func (c *Client) Close() {
	c.cancel()
	c.writers.Wait()
	close(c.batches) // BAD: only the writers (consumers) were waited for; dialAndRead goroutines may still send a batch
}
