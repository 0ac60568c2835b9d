// Command broker (unjoined/broker's twin) is a demo whose subscribers
// range over channels a broker method makes, keeps in a map and returns. The model cannot
// name the channel each subscriber receives from, but no code closes
// a channel of quotes anywhere, and none leaves the program where
// something else could: the subscribers were never going to finish,
// and the final sleep only bounds how long the demo runs.
package main

import (
	"fmt"
	"sync"
	"time"
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

func subscriber(name string, sub <-chan quote) {
	for q := range sub {
		fmt.Printf("[%s] %s %.2f\n", name, q.symbol, q.price)
	}
}

func main() {
	b := &broker{subs: make(map[string][]chan quote)}
	go subscriber("alice", b.subscribe("ACME"))
	go subscriber("bob", b.subscribe("GLOBEX"))
	go func() {
		for i := 0; ; i++ {
			b.publish(quote{symbol: "ACME", price: float64(i)})
			time.Sleep(50 * time.Millisecond)
		}
	}()
	time.Sleep(2 * time.Second)
}
