package bus

import (
	"crypto/hmac"
	"crypto/sha256"
	"maps"
	"sync"
)

// Message is delivered to subscribers. A message built by Publish is shared
// by every subscriber that does not ask for a private copy.
type Message struct {
	Topic   string
	Payload []byte
	Headers map[string]string
	Sig     []byte
	owned   bool
}

func (m *Message) clone() *Message {
	return &Message{
		Topic:   m.Topic,
		Payload: append([]byte(nil), m.Payload...),
		Headers: maps.Clone(m.Headers),
		owned:   true,
	}
}

// stamp records the delivering node and signs the message. Shared messages
// are left untouched.
func (m *Message) stamp(node string, key []byte) {
	if m.owned {
		m.Headers["x-node"] = node
		mac := hmac.New(sha256.New, key)
		mac.Write(m.Payload)
		m.Sig = mac.Sum(nil)
	}
}

// Subscriber receives messages for a topic.
type Subscriber struct {
	Node    string
	Key     []byte
	Private bool
	C       chan *Message
}

// Bus delivers each published message to every subscriber concurrently.
type Bus struct {
	mu   sync.RWMutex
	subs []*Subscriber
}

// Subscribe adds s to the bus.
func (b *Bus) Subscribe(s *Subscriber) {
	b.mu.Lock()
	b.subs = append(b.subs, s)
	b.mu.Unlock()
}

// Publish builds one message and hands it to every subscriber.
func (b *Bus) Publish(topic string, payload []byte) {
	m := &Message{Topic: topic, Payload: payload, Headers: map[string]string{}}
	b.mu.RLock()
	subs := append([]*Subscriber(nil), b.subs...)
	b.mu.RUnlock()

	var wg sync.WaitGroup
	for _, s := range subs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			deliver(s, m)
		}()
	}
	wg.Wait()
}

func deliver(s *Subscriber, m *Message) {
	if s.Private {
		m = m.clone()
	}
	m.stamp(s.Node, s.Key)
	s.C <- m
}
