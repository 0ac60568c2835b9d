package main

import (
	"fmt"
	"sync"
	"time"
)

// Topic fans values of type T out to its listeners. Slow listeners miss values.
type Topic[T any] struct {
	mu        sync.Mutex
	listeners map[int]chan T
	next      int
}

func NewTopic[T any]() *Topic[T] {
	return &Topic[T]{listeners: make(map[int]chan T)}
}

func (t *Topic[T]) Listen(buf int) (int, <-chan T) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.next++
	ch := make(chan T, buf)
	t.listeners[t.next] = ch
	return t.next, ch
}

// Unlisten closes the listener's channel and forgets it.
func (t *Topic[T]) Unlisten(id int) {
	ch, ok := t.lookup(id)
	if !ok {
		return
	}
	close(ch)
	t.mu.Lock()
	delete(t.listeners, id)
	t.mu.Unlock()
}

func (t *Topic[T]) lookup(id int) (chan T, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	ch, ok := t.listeners[id]
	return ch, ok
}

func (t *Topic[T]) Emit(v T) (delivered int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, ch := range t.listeners {
		select {
		case ch <- v:
			delivered++
		default:
		}
	}
	return delivered
}

type PriceTick struct {
	Symbol string
	Price  float64
}

func main() {
	prices := NewTopic[PriceTick]()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		id, ch := prices.Listen(4)
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for range ch {
				n++
				if n == 5 {
					prices.Unlisten(id)
				}
			}
		}()
	}
	for i := 0; i < 100; i++ {
		prices.Emit(PriceTick{Symbol: "ACME", Price: float64(100 + i)})
		time.Sleep(time.Millisecond)
	}
	fmt.Println("done")
	for i := 1; i <= 3; i++ {
		prices.Unlisten(i)
	}
	wg.Wait()
}
