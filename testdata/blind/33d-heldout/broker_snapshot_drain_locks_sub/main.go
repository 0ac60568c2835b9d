// GOOD: Flush copies the subscriber list under b.mu.RLock and releases it, then the drain
// closure takes each subscriber's own mutex before truncating queue and counting drops,
// matching push and Next, which also hold sub.mu.
package main

import (
	"fmt"
	"sync"
)

type subscriber struct {
	topic string

	mu      sync.Mutex
	queue   []string
	dropped int
}

func (s *subscriber) push(msg string, limit int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.queue) >= limit {
		s.dropped++
		return
	}
	s.queue = append(s.queue, msg)
}

func (s *subscriber) Next() (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.queue) == 0 {
		return "", false
	}
	m := s.queue[0]
	s.queue = s.queue[1:]
	return m, true
}

type Broker struct {
	mu    sync.RWMutex
	subs  map[string][]*subscriber
	limit int
}

func NewBroker(limit int) *Broker {
	return &Broker{subs: make(map[string][]*subscriber), limit: limit}
}

func (b *Broker) Subscribe(topic string) *subscriber {
	s := &subscriber{topic: topic}
	b.mu.Lock()
	b.subs[topic] = append(b.subs[topic], s)
	b.mu.Unlock()
	return s
}

func (b *Broker) snapshot(topic string) []*subscriber {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if topic == "" {
		var all []*subscriber
		for _, ss := range b.subs {
			all = append(all, ss...)
		}
		return all
	}
	return append([]*subscriber(nil), b.subs[topic]...)
}

func (b *Broker) Publish(topic, msg string) {
	for _, s := range b.snapshot(topic) {
		s.push(msg, b.limit)
	}
}

// Flush discards every queued message, e.g. on a topic schema change.
func (b *Broker) Flush() int {
	total := 0
	drain := func(s *subscriber) {
		s.mu.Lock()
		defer s.mu.Unlock()
		total += len(s.queue)
		s.dropped += len(s.queue)
		s.queue = nil
	}
	for _, s := range b.snapshot("") {
		drain(s)
	}
	return total
}

func main() {
	b := NewBroker(4)
	subs := []*subscriber{b.Subscribe("orders"), b.Subscribe("orders"), b.Subscribe("audit")}
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			b.Publish([]string{"orders", "audit"}[i%2], fmt.Sprintf("msg-%d", i))
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("flushed:", b.Flush())
	}()
	wg.Wait()
	for _, s := range subs {
		m, ok := s.Next()
		fmt.Println(s.topic, m, ok)
	}
}
