// GOOD: the hub loop closes h.done (deferred) before it returns on any path, and every requester selects on h.done.
package g3_push_hub

import (
	"errors"
	"fmt"
	"io"
	"sync"
)

// ErrHubClosed is returned once the hub loop has exited.
var ErrHubClosed = errors.New("push hub closed")

type publishReq struct {
	topic string
	body  []byte
	reply chan int
}

type subscribeReq struct {
	topic string
	reply chan int
}

// Hub fans published messages out to an upstream push gateway.
type Hub struct {
	out        io.Writer
	publishes  chan publishReq
	subscribes chan subscribeReq
	quit       chan struct{}
	done       chan struct{}
	closeOnce  sync.Once
	err        error // set by loop before done is closed
}

// NewHub starts the hub loop writing frames to out.
func NewHub(out io.Writer) *Hub {
	h := &Hub{
		out:        out,
		publishes:  make(chan publishReq),
		subscribes: make(chan subscribeReq),
		quit:       make(chan struct{}),
		done:       make(chan struct{}),
	}
	go h.loop()
	return h
}

func (h *Hub) loop() {
	defer close(h.done)
	subs := make(map[string]int)
	for {
		select {
		case <-h.quit:
			h.err = ErrHubClosed
			return
		case r := <-h.subscribes:
			subs[r.topic]++
			r.reply <- subs[r.topic]
		case r := <-h.publishes:
			n := subs[r.topic]
			if n > 0 {
				if _, err := fmt.Fprintf(h.out, "%s %d %s\n", r.topic, len(r.body), r.body); err != nil {
					h.err = fmt.Errorf("push gateway write: %w", err)
					return
				}
			}
			r.reply <- n
		}
	}
}

// Subscribe registers interest in topic and returns the subscriber count.
func (h *Hub) Subscribe(topic string) (int, error) {
	r := subscribeReq{topic: topic, reply: make(chan int, 1)}
	select {
	case h.subscribes <- r:
	case <-h.done:
		return 0, h.err
	}
	return <-r.reply, nil
}

// Publish sends body to every subscriber of topic and returns how many were reached.
func (h *Hub) Publish(topic string, body []byte) (int, error) {
	r := publishReq{topic: topic, body: body, reply: make(chan int, 1)}
	select {
	case h.publishes <- r:
	case <-h.done:
		return 0, h.err
	}
	select {
	case n := <-r.reply:
		return n, nil
	case <-h.done:
		select {
		case n := <-r.reply:
			return n, nil
		default:
			return 0, h.err
		}
	}
}

// Close stops the hub and waits for the loop to exit.
func (h *Hub) Close() error {
	h.closeOnce.Do(func() { close(h.quit) })
	<-h.done
	if errors.Is(h.err, ErrHubClosed) {
		return nil
	}
	return h.err
}
