package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"
	"sync"
)

// Closer coordinates shutdown of a group of goroutines.
type Closer struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func NewCloser(initial int) *Closer {
	c := &Closer{}
	c.ctx, c.cancel = context.WithCancel(context.Background())
	c.wg.Add(initial)
	return c
}

// AddRunning registers n more goroutines with the closer.
func (c *Closer) AddRunning(n int) { c.wg.Add(n) }

// Done is called by a registered goroutine when it returns.
func (c *Closer) Done() { c.wg.Done() }

// Signal asks registered goroutines to stop.
func (c *Closer) Signal() { c.cancel() }

// HasBeenClosed is closed once Signal has been called.
func (c *Closer) HasBeenClosed() <-chan struct{} { return c.ctx.Done() }

// Wait blocks until every registered goroutine has called Done.
func (c *Closer) Wait() { c.wg.Wait() }

// SignalAndWait signals and then waits.
func (c *Closer) SignalAndWait() {
	c.Signal()
	c.Wait()
}

// Tailer reads several log sources and merges their lines into Lines.
type Tailer struct {
	lines  chan string
	closer *Closer
}

func NewTailer(sources map[string]string) *Tailer {
	t := &Tailer{
		lines:  make(chan string, 16),
		closer: NewCloser(0),
	}
	for name, body := range sources {
		t.closer.AddRunning(1)
		go t.follow(name, body)
	}
	return t
}

func (t *Tailer) follow(name, body string) {
	defer t.closer.Done()
	for {
		sc := bufio.NewScanner(strings.NewReader(body))
		for sc.Scan() {
			select {
			case <-t.closer.HasBeenClosed():
				return
			case t.lines <- name + ": " + sc.Text():
			}
		}
	}
}

// Lines returns the merged stream; it is closed by Close.
func (t *Tailer) Lines() <-chan string { return t.lines }

// Close stops all followers and closes the output stream.
func (t *Tailer) Close() {
	t.closer.SignalAndWait()
	close(t.lines)
}

func main() {
	t := NewTailer(map[string]string{
		"api":    "GET /users 200\nPOST /login 401\n",
		"worker": "job 17 started\njob 17 done\n",
		"db":     "checkpoint complete\n",
	})
	seen := 0
	for line := range t.Lines() {
		seen++
		if seen == 50 {
			go t.Close()
		}
		_ = line
	}
	fmt.Println("lines:", seen)
}
