// Package peer implements the node-to-node greeting used by the cluster agent.
package peer

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
)

var ErrDown = errors.New("peer: loopback shut down")

// Loopback connects two ends of the agent inside one process.
type Loopback struct {
	backlog chan net.Conn
	down    chan struct{}
	once    sync.Once
}

func NewLoopback(backlog int) *Loopback {
	return &Loopback{backlog: make(chan net.Conn, backlog), down: make(chan struct{})}
}

func (lb *Loopback) Connect() (net.Conn, error) {
	select {
	case <-lb.down:
		return nil, ErrDown
	default:
	}
	near, far := net.Pipe()
	select {
	case lb.backlog <- far:
		return near, nil
	case <-lb.down:
		near.Close()
		far.Close()
		return nil, ErrDown
	}
}

func (lb *Loopback) Incoming() <-chan net.Conn { return lb.backlog }

func (lb *Loopback) Shutdown() { lb.once.Do(func() { close(lb.down) }) }

// Greet announces name and returns the name the other side answered with.
func Greet(conn net.Conn, name string) (string, error) {
	if _, err := fmt.Fprintf(conn, "HELLO %s\n", name); err != nil {
		return "", err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimPrefix(strings.TrimSpace(line), "WELCOME "), nil
}

// Answer reads a greeting and replies with name.
func Answer(conn net.Conn, name string) (string, error) {
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return "", err
	}
	if _, err := fmt.Fprintf(conn, "WELCOME %s\n", name); err != nil {
		return "", err
	}
	return strings.TrimPrefix(strings.TrimSpace(line), "HELLO "), nil
}
