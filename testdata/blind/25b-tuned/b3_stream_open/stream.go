package b3_stream_open

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Event is one line decoded from a change stream.
type Event struct {
	Kind string
	Key  string
}

// Source opens the raw byte stream for a topic.
type Source interface {
	Open(ctx context.Context, topic string) (io.ReadCloser, error)
}

// Subscription delivers decoded events until its context is cancelled.
type Subscription struct {
	Events <-chan Event
	Errs   <-chan error
}

// Subscribe opens topic and starts a decoder goroutine. The caller must
// call the returned cancel function when it is done with the subscription.
func Subscribe(ctx context.Context, src Source, topic string) (*Subscription, context.CancelFunc, error) {
	sctx, cancel := context.WithCancel(ctx) // BAD: cancel not called on the handshake error return after sctx was handed to the closer goroutine
	rc, err := src.Open(sctx, topic)
	if err != nil {
		cancel()
		return nil, nil, fmt.Errorf("open %s: %w", topic, err)
	}

	// Unblock any pending read once the subscription is cancelled.
	go func() {
		<-sctx.Done()
		rc.Close()
	}()

	// The first line of every stream is a header naming the topic.
	br := bufio.NewReader(rc)
	hdr, err := readHeader(br)
	if err != nil {
		return nil, nil, fmt.Errorf("handshake %s: %w", topic, err)
	}
	if hdr != topic {
		cancel()
		return nil, nil, fmt.Errorf("handshake: got topic %q, want %q", hdr, topic)
	}

	events := make(chan Event, 16)
	errs := make(chan error, 1)
	go pump(sctx, br, events, errs)
	return &Subscription{Events: events, Errs: errs}, cancel, nil
}

func pump(ctx context.Context, br *bufio.Reader, out chan<- Event, errs chan<- error) {
	defer close(out)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			if !errors.Is(err, io.EOF) && ctx.Err() == nil {
				errs <- err
			}
			return
		}
		kind, key, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok {
			continue
		}
		select {
		case out <- Event{Kind: kind, Key: key}:
		case <-ctx.Done():
			return
		}
	}
}

func readHeader(br *bufio.Reader) (string, error) {
	line, err := br.ReadString('\n')
	if err != nil {
		return "", err
	}
	name, ok := strings.CutPrefix(strings.TrimSpace(line), "TOPIC ")
	if !ok {
		return "", errors.New("missing TOPIC header")
	}
	return name, nil
}
