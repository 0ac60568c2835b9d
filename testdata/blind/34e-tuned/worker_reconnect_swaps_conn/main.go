// BAD: Start launches the heartbeat goroutine, which writes to w.conn every tick; Run,
// after Start, calls Reconnect on a failed job, and Reconnect replaces w.conn without a
// lock, so the heartbeat may use the old or a half-published connection.
package main

import (
	"errors"
	"fmt"
	"io"
	"time"
)

// Dialer opens a connection to the job broker.
type Dialer func() (io.WriteCloser, error)

type nopConn struct{ id int }

func (c *nopConn) Write(p []byte) (int, error) { return len(p), nil }
func (c *nopConn) Close() error                { return nil }

// Worker pulls jobs and keeps its broker lease alive with heartbeats.
type Worker struct {
	dial Dialer
	conn io.WriteCloser
	quit chan struct{}
}

// NewWorker dials the broker once.
func NewWorker(dial Dialer) (*Worker, error) {
	conn, err := dial()
	if err != nil {
		return nil, err
	}
	return &Worker{dial: dial, conn: conn, quit: make(chan struct{})}, nil
}

// Start begins sending heartbeats.
func (w *Worker) Start(every time.Duration) {
	go w.heartbeat(every)
}

func (w *Worker) heartbeat(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			_, _ = w.conn.Write([]byte("HB\n"))
		case <-w.quit:
			return
		}
	}
}

// Reconnect drops the current broker connection and dials a new one.
func (w *Worker) Reconnect() error {
	conn, err := w.dial()
	if err != nil {
		return err
	}
	old := w.conn
	w.conn = conn // want "without a lock"
	return old.Close()
}

// Run processes jobs until one fails permanently.
func (w *Worker) Run(jobs []func() error) {
	w.Start(2 * time.Millisecond)
	defer close(w.quit)
	for i, job := range jobs {
		if err := job(); err != nil {
			fmt.Printf("job %d: %v; reconnecting\n", i, err)
			if err := w.Reconnect(); err != nil {
				fmt.Println("reconnect:", err)
				return
			}
		}
		time.Sleep(3 * time.Millisecond)
	}
}

func main() {
	n := 0
	w, err := NewWorker(func() (io.WriteCloser, error) { n++; return &nopConn{id: n}, nil })
	if err != nil {
		fmt.Println(err)
		return
	}
	w.Run([]func() error{
		func() error { return nil },
		func() error { return errors.New("broker reset") },
		func() error { return nil },
	})
}
