package broker

import (
	"context"
	"sync"
)

type transport interface {
	Publish(topic string, payload []byte) error
}

type envelope struct {
	topic   string
	payload []byte
}

// Broker fans published messages out to a transport from worker goroutines.
type Broker struct {
	queue chan envelope

	mu     sync.Mutex
	tr     transport
	failed int
}

func newBroker(tr transport) *Broker {
	return &Broker{queue: make(chan envelope, 64), tr: tr}
}

func (b *Broker) Run(ctx context.Context, workers int) *sync.WaitGroup {
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-ctx.Done():
					return
				case env := <-b.queue:
					b.deliver(env)
				}
			}
		}()
	}
	return &wg
}

func (b *Broker) deliver(env envelope) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.tr.Publish(env.topic, env.payload); err != nil {
		b.failed++
	}
}

func (b *Broker) Enqueue(topic string, payload []byte) {
	b.queue <- envelope{topic: topic, payload: payload}
}

func (b *Broker) Failed() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.failed
}
