// Command unsubscribe is the broker demo whose broker closes a
// subscriber's channel when it unsubscribes: the subscribers can end,
// and the sleep stands in for waiting for their last messages.
package main

import (
	"fmt"
	"sync"
	"time"
)

type broker struct {
	mu   sync.Mutex
	subs map[int]chan string
}

func (b *broker) subscribe(id int) <-chan string {
	ch := make(chan string, 8)
	b.mu.Lock()
	b.subs[id] = ch
	b.mu.Unlock()
	return ch
}

func (b *broker) unsubscribe(id int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	close(b.subs[id])
	delete(b.subs, id)
}

func (b *broker) publish(msg string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.subs {
		ch <- msg
	}
}

func main() {
	b := &broker{subs: make(map[int]chan string)}
	for i := 0; i < 3; i++ {
		ch := b.subscribe(i)
		go func(id int) {
			for msg := range ch {
				fmt.Println("subscriber", id, "got", msg)
			}
		}(i)
	}
	for i := 0; i < 10; i++ {
		b.publish(fmt.Sprint("event ", i))
	}
	for i := 0; i < 3; i++ {
		b.unsubscribe(i)
	}
	time.Sleep(time.Second) // want `time.Sleep used to wait for a goroutine started at line 44`
}
