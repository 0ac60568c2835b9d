package feed

import (
	"bufio"
	"net"
	"strings"
	"sync"
)

type Client struct {
	conn     net.Conn
	dispatch map[string]func(arg string)

	rxLines int
	rxBytes int
	lastTop string

	mu     sync.Mutex
	topics map[string][]string
	subs   map[string]bool
}

func Dial(addr string) (*Client, error) {
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	c := &Client{conn: nc, topics: make(map[string][]string), subs: make(map[string]bool)}
	c.dispatch = map[string]func(string){
		"MSG":  c.onMsg,
		"TOP":  c.onTopic,
		"PING": func(string) { c.conn.Write([]byte("PONG\n")) },
	}
	go c.readLoop()
	return c, nil
}

func (c *Client) readLoop() {
	sc := bufio.NewScanner(c.conn)
	for sc.Scan() {
		line := sc.Text()
		c.rxLines++
		c.rxBytes += len(line) + 1
		verb, arg, _ := strings.Cut(line, " ")
		if fn := c.dispatch[verb]; fn != nil {
			fn(arg)
		}
	}
}

func (c *Client) onTopic(arg string) { c.lastTop = arg }

func (c *Client) onMsg(arg string) {
	c.mu.Lock()
	c.topics[c.lastTop] = append(c.topics[c.lastTop], arg)
	c.mu.Unlock()
}

func (c *Client) Subscribe(topic string) error {
	c.mu.Lock()
	c.subs[topic] = true
	c.mu.Unlock()
	_, err := c.conn.Write([]byte("SUB " + topic + "\n"))
	return err
}

func (c *Client) Messages(topic string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.topics[topic]...)
}

// ResetCounters zeroes the traffic counters, e.g. at the start of a
// measurement window.
func (c *Client) ResetCounters() {
	c.rxLines, c.rxBytes = 0, 0
}

func (c *Client) Close() error { return c.conn.Close() }
