// Command pubsub demonstrates a tiny in-process broker with topic fan-out.
package main

import (
	"fmt"
	"log"
	"sync"
	"time"
)

type Broker struct {
	mu   sync.RWMutex
	subs map[string][]chan string
}

func NewBroker() *Broker {
	return &Broker{subs: make(map[string][]chan string)}
}

func (b *Broker) Subscribe(topic string, buf int) <-chan string {
	ch := make(chan string, buf)
	b.mu.Lock()
	b.subs[topic] = append(b.subs[topic], ch)
	b.mu.Unlock()
	return ch
}

func (b *Broker) Publish(topic, msg string) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	for _, ch := range b.subs[topic] {
		ch <- msg
	}
}

func heartbeat(b *Broker) {
	for {
		time.Sleep(100 * time.Millisecond)
		b.Publish("heartbeat", time.Now().Format(time.RFC3339Nano))
	}
}

func subscriber(name string, msgs <-chan string, want int) {
	counts := make(map[string]int)
	for i := 0; i < want; i++ {
		m := <-msgs
		counts[m[:5]]++
	}
	log.Printf("%s: received %d messages %v", name, want, counts)
}

func main() {
	b := NewBroker()
	const perTopic = 1000

	orders := []<-chan string{
		b.Subscribe("orders", 16),
		b.Subscribe("orders", 16),
		b.Subscribe("orders", 16),
	}
	for i, ch := range orders {
		go subscriber(fmt.Sprintf("billing-%d", i), ch, perTopic)
	}
	go heartbeat(b)

	go func() {
		for i := 0; i < perTopic; i++ {
			kind := "creat"
			if i%3 == 0 {
				kind = "updat"
			}
			b.Publish("orders", fmt.Sprintf("%sed order %d", kind, i))
		}
		log.Printf("publisher: sent %d orders", perTopic)
	}()

	// Wait for the subscribers to print their totals.
	time.Sleep(time.Second)
	fmt.Println("demo done")
}
