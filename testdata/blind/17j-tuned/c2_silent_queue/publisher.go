// Package wire implements a tiny line-based publish protocol.
package wire

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"sync"
)

// Frame is one protocol line: KIND topic payload.
type Frame struct {
	Kind    string
	Topic   string
	Payload string
}

func ParseFrame(line string) (Frame, error) {
	parts := strings.SplitN(line, " ", 3)
	if len(parts) != 3 {
		return Frame{}, fmt.Errorf("wire: malformed frame %q", line)
	}
	switch parts[0] {
	case "PUB", "PING":
	default:
		return Frame{}, fmt.Errorf("wire: unknown kind %q", parts[0])
	}
	return Frame{Kind: parts[0], Topic: parts[1], Payload: parts[2]}, nil
}

// Publisher writes frames to a broker connection.
type Publisher struct {
	mu sync.Mutex
	w  *bufio.Writer
}

func NewPublisher(w io.Writer) *Publisher {
	return &Publisher{w: bufio.NewWriter(w)}
}

func (p *Publisher) Publish(topic string, payload []byte) error {
	if strings.ContainsAny(topic, " \n") {
		return fmt.Errorf("wire: invalid topic %q", topic)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, err := fmt.Fprintf(p.w, "PUB %s %s\n", topic, payload); err != nil {
		return err
	}
	return p.w.Flush()
}
