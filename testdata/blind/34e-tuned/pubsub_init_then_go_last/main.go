// GOOD: Init writes b.subs, b.topics and b.publish, but it is the set-up step called by
// NewBroker before the dispatch goroutine is started on the constructor's last line;
// nothing calls Init again, so those writes happen-before the goroutine.
package main

import (
	"fmt"
	"strings"
	"sync"
)

// Message is a published payload.
type Message struct {
	Topic string
	Body  string
}

// Broker fans published messages out to per-topic subscribers.
type Broker struct {
	subs    map[string][]chan Message
	topics  []string
	publish chan Message
	wg      sync.WaitGroup
}

// NewBroker builds a broker for the given topics and starts dispatching.
func NewBroker(topics []string, buffer int) *Broker {
	b := &Broker{}
	b.Init(topics, buffer)
	b.wg.Add(1)
	go b.dispatch()
	return b
}

// Init initializes the broker's tables. It is part of construction: NewBroker calls
// it before dispatching starts, and it must not be called on a running broker.
func (b *Broker) Init(topics []string, buffer int) {
	b.topics = append([]string(nil), topics...)
	b.subs = make(map[string][]chan Message, len(topics))
	for _, t := range topics {
		ch := make(chan Message, buffer)
		b.subs[t] = append(b.subs[t], ch)
	}
	b.publish = make(chan Message, buffer)
}

func (b *Broker) dispatch() {
	defer b.wg.Done()
	for m := range b.publish {
		for _, ch := range b.subs[m.Topic] {
			ch <- m
		}
	}
	for _, t := range b.topics {
		for _, ch := range b.subs[t] {
			close(ch)
		}
	}
}

// Publish sends a message to every subscriber of its topic.
func (b *Broker) Publish(topic, body string) { b.publish <- Message{topic, body} }

// Close stops the broker after all queued messages are delivered.
func (b *Broker) Close() {
	close(b.publish)
	b.wg.Wait()
}

func main() {
	b := NewBroker([]string{"orders", "audit"}, 8)
	b.Publish("orders", "order#1 created")
	b.Publish("audit", "user alice logged in")
	b.Publish("orders", "order#1 paid")
	b.Close()
	for _, t := range []string{"orders", "audit"} {
		var got []string
		for m := range b.subs[t][0] {
			got = append(got, m.Body)
		}
		fmt.Printf("%s: %s\n", t, strings.Join(got, "; "))
	}
}
