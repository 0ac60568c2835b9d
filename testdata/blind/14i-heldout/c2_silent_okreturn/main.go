package main

import (
	"fmt"
	"sync"
)

// Order is a trade order received from the gateway.
type Order struct {
	ID     string
	Symbol string
	Qty    int
}

// Matcher consumes orders and keeps a running position per symbol.
type Matcher struct {
	orders chan *Order
	wg     sync.WaitGroup

	mu        sync.Mutex
	positions map[string]int
}

// NewMatcher starts the matching goroutine.
func NewMatcher() *Matcher {
	m := &Matcher{
		orders:    make(chan *Order),
		positions: make(map[string]int),
	}
	m.wg.Add(1)
	go m.consume()
	return m
}

func (m *Matcher) consume() {
	defer m.wg.Done()
	for {
		o, ok := <-m.orders
		if !ok {
			return
		}
		if o == nil || o.Qty == 0 {
			continue
		}
		m.mu.Lock()
		m.positions[o.Symbol] += o.Qty
		m.mu.Unlock()
	}
}

// Submit hands an order to the matcher.
func (m *Matcher) Submit(o *Order) { m.orders <- o }

// Shutdown stops accepting orders and waits for the matcher to drain.
func (m *Matcher) Shutdown() {
	close(m.orders)
	m.wg.Wait()
}

// Position returns the net quantity held for symbol.
func (m *Matcher) Position(symbol string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.positions[symbol]
}

func main() {
	m := NewMatcher()
	m.Submit(&Order{ID: "1", Symbol: "ACME", Qty: 100})
	m.Submit(nil)
	m.Submit(&Order{ID: "2", Symbol: "ACME", Qty: -40})
	m.Submit(&Order{ID: "3", Symbol: "INIT", Qty: 0})
	m.Shutdown()
	fmt.Println("ACME", m.Position("ACME"))
}
