// GOOD: the WithCancel cancel is stored in t.cancel and Close calls it, which ends the follow loop
// waiting on ctx.Done(); Close is deferred by the only user.
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

type Tailer struct {
	r      *bufio.Reader
	lines  chan string
	cancel context.CancelFunc
	wg     sync.WaitGroup
	poll   time.Duration
}

func NewTailer(r io.Reader, poll time.Duration) *Tailer {
	return &Tailer{r: bufio.NewReader(r), lines: make(chan string, 64), poll: poll}
}

func (t *Tailer) Start(parent context.Context) <-chan string {
	ctx, cancel := context.WithCancel(parent)
	t.cancel = cancel
	t.wg.Add(1)
	go t.follow(ctx)
	return t.lines
}

func (t *Tailer) follow(ctx context.Context) {
	defer t.wg.Done()
	defer close(t.lines)
	for {
		line, err := t.r.ReadString('\n')
		if line != "" {
			select {
			case t.lines <- strings.TrimRight(line, "\n"):
			case <-ctx.Done():
				return
			}
		}
		if err == io.EOF {
			select {
			case <-ctx.Done():
				return
			case <-time.After(t.poll):
			}
			continue
		}
		if err != nil {
			return
		}
	}
}

// Close stops following and waits for the reader goroutine to exit.
func (t *Tailer) Close() error {
	if t.cancel != nil {
		t.cancel()
	}
	t.wg.Wait()
	return nil
}

func main() {
	src := strings.NewReader("boot ok\nlistening on :8080\nready\n")
	t := NewTailer(src, 10*time.Millisecond)
	defer t.Close()

	lines := t.Start(context.Background())
	timeout := time.After(100 * time.Millisecond)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				return
			}
			fmt.Fprintln(os.Stdout, "log:", l)
		case <-timeout:
			return
		}
	}
}
