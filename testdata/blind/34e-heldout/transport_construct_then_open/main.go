// GOOD: Construct writes t.peer, t.codec and t.inbox, but it is the set-up step called
// only by NewTransport before the transport is returned; the read loop that uses those
// fields is started later by Open, so the writes happen before the goroutine exists.
package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Codec turns raw lines into messages.
type Codec interface {
	Decode(line string) (string, error)
}

type upperCodec struct{}

func (upperCodec) Decode(line string) (string, error) { return strings.ToUpper(line), nil }

// Transporter is the lifecycle every transport in this package follows.
type Transporter interface {
	Construct(peer io.Reader, codec Codec, depth int)
	Open()
	Inbox() <-chan string
}

// Transport reads framed lines from a peer and decodes them.
type Transport struct {
	peer  *bufio.Scanner
	codec Codec
	inbox chan string
}

var _ Transporter = (*Transport)(nil)

// NewTransport allocates and constructs a transport; call Open to start reading.
func NewTransport(peer io.Reader, codec Codec) *Transport {
	t := new(Transport)
	t.Construct(peer, codec, 16)
	return t
}

// Construct initializes the transport. It is part of construction and must not be
// called once Open has run.
func (t *Transport) Construct(peer io.Reader, codec Codec, depth int) {
	t.peer = bufio.NewScanner(peer)
	t.codec = codec
	t.inbox = make(chan string, depth)
}

// Open starts the read loop.
func (t *Transport) Open() {
	go t.readLoop()
}

func (t *Transport) readLoop() {
	defer close(t.inbox)
	for t.peer.Scan() {
		msg, err := t.codec.Decode(t.peer.Text())
		if err != nil {
			continue
		}
		t.inbox <- msg
	}
}

// Inbox delivers decoded messages until the peer is exhausted.
func (t *Transport) Inbox() <-chan string { return t.inbox }

func main() {
	src := strings.NewReader("ping\npong\nquit\n")
	t := NewTransport(src, upperCodec{})
	t.Open()
	for msg := range t.Inbox() {
		fmt.Println(msg)
	}
}
