// GOOD: the <-ctx.Done() case uses `break recv`, a labelled break that leaves the for loop itself, after
// which the goroutine closes the connection and returns.
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log"
	"strings"
	"time"
)

// Message is one decoded line from the upstream feed.
type Message struct {
	Seq  int
	Body string
}

// FeedClient reads a line-oriented feed and publishes messages.
type FeedClient struct {
	conn io.ReadCloser
	out  chan Message
	done chan struct{}
}

// Dial wraps an already-open connection and starts receiving.
func Dial(ctx context.Context, conn io.ReadCloser) *FeedClient {
	fc := &FeedClient{conn: conn, out: make(chan Message, 16), done: make(chan struct{})}
	lines := make(chan string)
	go fc.readLines(ctx, lines)
	go fc.receive(ctx, lines)
	return fc
}

func (fc *FeedClient) readLines(ctx context.Context, lines chan<- string) {
	defer close(lines)
	sc := bufio.NewScanner(fc.conn)
	for sc.Scan() {
		select {
		case lines <- sc.Text():
		case <-ctx.Done():
			return
		}
	}
}

func (fc *FeedClient) receive(ctx context.Context, lines <-chan string) {
	defer close(fc.done)
	seq := 0
recv:
	for {
		select {
		case <-ctx.Done():
			log.Printf("feed: %v, disconnecting", ctx.Err())
			break recv
		case line, ok := <-lines:
			if !ok {
				break recv
			}
			seq++
			select {
			case fc.out <- Message{Seq: seq, Body: line}:
			case <-ctx.Done():
				break recv
			}
		}
	}
	fc.conn.Close()
	close(fc.out)
}

// Messages returns the decoded message stream; it is closed when the client stops.
func (fc *FeedClient) Messages() <-chan Message { return fc.out }

// Done is closed once the receive loop has exited.
func (fc *FeedClient) Done() <-chan struct{} { return fc.done }

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	conn := io.NopCloser(strings.NewReader("hello\nworld\n"))
	fc := Dial(ctx, conn)
	for m := range fc.Messages() {
		fmt.Printf("#%d %s\n", m.Seq, m.Body)
	}
	<-fc.Done()
}
