package main

import (
	"errors"
	"fmt"
	"sync"
)

var errPipeClosed = errors.New("pipe: closed")

// half is one end of an in-memory, acknowledged message pipe.
type half struct {
	out     chan<- []byte
	in      <-chan []byte
	ackOut  chan<- struct{}
	ackIn   <-chan struct{}
	done    chan struct{}
	peer    *half
	closeMu sync.Once
}

// Pipe returns two connected ends. Each Write is acknowledged by the
// peer's Read before it returns.
func Pipe() (*half, *half) {
	ab, ba := make(chan []byte, 1), make(chan []byte, 1)
	ackAB, ackBA := make(chan struct{}), make(chan struct{})
	a := &half{out: ab, in: ba, ackOut: ackBA, ackIn: ackAB, done: make(chan struct{})}
	b := &half{out: ba, in: ab, ackOut: ackAB, ackIn: ackBA, done: make(chan struct{})}
	a.peer, b.peer = b, a
	return a, b
}

func (h *half) Write(p []byte) (int, error) {
	buf := append([]byte(nil), p...)
	select {
	case h.out <- buf:
	case <-h.done:
		return 0, errPipeClosed
	case <-h.peer.done:
		return 0, errPipeClosed
	}
	select {
	case <-h.ackIn:
		return len(p), nil
	case <-h.done:
		return 0, errPipeClosed
	case <-h.peer.done:
		return 0, errPipeClosed
	}
}

func (h *half) Read() ([]byte, error) {
	select {
	case msg := <-h.in:
		select {
		case h.ackOut <- struct{}{}:
		case <-h.done:
		case <-h.peer.done:
		}
		return msg, nil
	case <-h.done:
		return nil, errPipeClosed
	case <-h.peer.done:
		return nil, errPipeClosed
	}
}

func (h *half) Close() error {
	h.closeMu.Do(func() { close(h.done) })
	return nil
}

func main() {
	client, server := Pipe()

	go func() {
		defer server.Close()
		msg, err := server.Read()
		if err != nil {
			return
		}
		fmt.Printf("server got %q\n", msg)
	}()

	for _, m := range []string{"HELLO", "AUTH token", "QUIT"} {
		if _, err := client.Write([]byte(m)); err != nil {
			fmt.Println("write:", err)
			break
		}
	}
	client.Close()
}
