// BAD: Dial starts readLoop, which calls c.onNotify for every server notification;
// SetNotifyHandler is meant to be called after Dial and replaces c.onNotify with no
// lock, racing with the read loop that is already dispatching.
package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

// NotifyFunc handles a server-initiated notification.
type NotifyFunc func(method, params string)

// Client is a tiny line-oriented RPC client.
type Client struct {
	r        *bufio.Reader
	onNotify NotifyFunc
	replies  chan string
}

// Dial attaches to an established stream and starts reading from it.
func Dial(stream io.Reader) *Client {
	c := &Client{
		r:        bufio.NewReader(stream),
		onNotify: func(string, string) {},
		replies:  make(chan string, 8),
	}
	go c.readLoop()
	return c
}

func (c *Client) readLoop() {
	defer close(c.replies)
	for {
		line, err := c.r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, "notify "); ok {
			method, params, _ := strings.Cut(rest, " ")
			c.onNotify(method, params)
			continue
		}
		c.replies <- line
	}
}

// SetNotifyHandler installs the callback for server notifications. Call it after
// Dial, before or while requests are in flight.
func (c *Client) SetNotifyHandler(h NotifyFunc) {
	if h == nil {
		h = func(string, string) {}
	}
	c.onNotify = h // want "without a lock"
}

// Replies returns the channel of plain replies.
func (c *Client) Replies() <-chan string { return c.replies }

type slowReader struct {
	lines []string
}

func (s *slowReader) Read(p []byte) (int, error) {
	if len(s.lines) == 0 {
		return 0, io.EOF
	}
	time.Sleep(time.Millisecond)
	n := copy(p, s.lines[0])
	s.lines = s.lines[1:]
	return n, nil
}

func main() {
	src := &slowReader{lines: []string{
		"ok 1\n", "notify progress 10%\n", "ok 2\n", "notify progress 100%\n",
	}}
	c := Dial(src)
	c.SetNotifyHandler(func(method, params string) {
		fmt.Println("notification:", method, params)
	})
	for r := range c.Replies() {
		fmt.Println("reply:", r)
	}
}
