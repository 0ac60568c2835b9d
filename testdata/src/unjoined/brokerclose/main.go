// Command brokerclose is broker's demo with a shutdown: main closes
// every subscription before it returns, so each subscriber's range
// ends, and what it prints last can be lost when main returns without
// waiting for it. A close of a channel of quotes is in the program:
// a subscription is no longer one that nothing can close.
package main

import (
	"fmt"
	"sync"
)

type quote struct {
	symbol string
	price  float64
}

type broker struct {
	mu   sync.Mutex
	subs map[string][]chan quote
}

func (b *broker) subscribe(symbol string) <-chan quote {
	ch := make(chan quote, 16)
	b.mu.Lock()
	b.subs[symbol] = append(b.subs[symbol], ch)
	b.mu.Unlock()
	return ch
}

func (b *broker) publish(q quote) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.subs[q.symbol] {
		select {
		case ch <- q:
		default:
		}
	}
}

func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, subs := range b.subs {
		for _, ch := range subs {
			close(ch)
		}
	}
}

func subscriber(name string, sub <-chan quote) {
	for q := range sub {
		fmt.Printf("[%s] %s %.2f\n", name, q.symbol, q.price)
	}
}

func main() {
	b := &broker{subs: make(map[string][]chan quote)}
	go subscriber("alice", b.subscribe("ACME")) // want `goroutine may still be running when main returns: nothing waits for it, so what it prints can be lost`
	for i := 0; i < 10; i++ {
		b.publish(quote{symbol: "ACME", price: float64(i)})
	}
	b.close()
}
