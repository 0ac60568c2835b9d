// Command pubsubdemo shows a tiny in-process topic broker: a publisher emits
// stock quotes and several subscribers print what they receive.
package main

import (
	"fmt"
	"math/rand"
	"sync"
	"time"
)

type quote struct {
	Symbol string
	Price  float64
}

type broker struct {
	mu   sync.Mutex
	subs map[string][]chan quote
}

func newBroker() *broker {
	return &broker{subs: make(map[string][]chan quote)}
}

func (b *broker) Subscribe(symbol string) <-chan quote {
	ch := make(chan quote, 16)
	b.mu.Lock()
	b.subs[symbol] = append(b.subs[symbol], ch)
	b.mu.Unlock()
	return ch
}

func (b *broker) Publish(q quote) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.subs[q.Symbol] {
		select {
		case ch <- q:
		default:
			// slow subscriber; drop the quote
		}
	}
}

func publisher(b *broker, symbols []string, every time.Duration) {
	prices := make(map[string]float64)
	for _, s := range symbols {
		prices[s] = 100
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			s := symbols[rand.Intn(len(symbols))]
			prices[s] *= 1 + (rand.Float64()-0.5)/50
			b.Publish(quote{Symbol: s, Price: prices[s]})
		}
	}
}

func subscriber(name string, sub <-chan quote) {
	for q := range sub {
		fmt.Printf("[%s] %s %.2f\n", name, q.Symbol, q.Price)
	}
}

func main() {
	b := newBroker()
	go subscriber("alice", b.Subscribe("ACME"))
	go subscriber("bob", b.Subscribe("ACME"))
	go subscriber("carol", b.Subscribe("GLOBEX"))

	go publisher(b, []string{"ACME", "GLOBEX", "INITECH"}, 50*time.Millisecond)

	fmt.Println("broker running for 2s")
	time.Sleep(2 * time.Second)
}
