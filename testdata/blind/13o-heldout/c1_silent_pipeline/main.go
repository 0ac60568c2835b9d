// Command pipeclient simulates a pipelined line protocol client: many
// goroutines issue commands over one connection, and a textproto.Pipeline
// keeps requests and responses in order.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"net/textproto"
	"strings"
	"sync"
)

type pipeClient struct {
	pipe textproto.Pipeline
	out  bytes.Buffer
	in   *bufio.Reader

	requests  int
	responses []string
}

func newPipeClient(replies string) *pipeClient {
	return &pipeClient{in: bufio.NewReader(strings.NewReader(replies))}
}

// Do writes one command and reads its reply, in pipeline order.
func (c *pipeClient) Do(cmd string) (string, error) {
	id := c.pipe.Next()

	c.pipe.StartRequest(id)
	fmt.Fprintf(&c.out, "%s\r\n", cmd)
	c.requests++
	c.pipe.EndRequest(id)

	c.pipe.StartResponse(id)
	defer c.pipe.EndResponse(id)
	line, err := c.in.ReadString('\n')
	if err != nil {
		return "", err
	}
	line = strings.TrimRight(line, "\r\n")
	c.responses = append(c.responses, line)
	return line, nil
}

func main() {
	const n = 8
	var replies strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&replies, "+OK %d\r\n", i)
	}
	c := newPipeClient(replies.String())

	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if _, err := c.Do(fmt.Sprintf("GET key:%d", i)); err != nil {
				fmt.Println("error:", err)
			}
		}(i)
	}
	wg.Wait()

	fmt.Printf("sent %d requests, %d bytes\n", c.requests, c.out.Len())
	for _, r := range c.responses {
		fmt.Println(r)
	}
}
