package b2_delivery_pop

import (
	"container/heap"
	"sync"
	"time"
)

// Message is queued for delivery with a priority; lower values go first.
type Message struct {
	Topic    string
	Body     []byte
	Priority int
	Attempts int
}

type msgQueue []*Message

func (q msgQueue) Len() int           { return len(q) }
func (q msgQueue) Less(i, j int) bool { return q[i].Priority < q[j].Priority }
func (q msgQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *msgQueue) Push(x any)        { *q = append(*q, x.(*Message)) }
func (q *msgQueue) Pop() any {
	old := *q
	m := old[len(old)-1]
	*q = old[:len(old)-1]
	return m
}

// Outbox delivers messages through send, retrying failures.
type Outbox struct {
	mu      sync.Mutex
	pending msgQueue
	send    func(*Message) error
	notify  chan struct{}
	quit    chan struct{}
	wg      sync.WaitGroup
}

func NewOutbox(send func(*Message) error) *Outbox {
	o := &Outbox{send: send, notify: make(chan struct{}, 1), quit: make(chan struct{})}
	o.wg.Add(1)
	go o.deliver()
	return o
}

func (o *Outbox) Enqueue(m *Message) {
	o.mu.Lock()
	heap.Push(&o.pending, m)
	o.mu.Unlock()
	select {
	case o.notify <- struct{}{}:
	default:
	}
}

func (o *Outbox) Len() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.pending.Len()
}

func (o *Outbox) deliver() {
	defer o.wg.Done()
	for {
		o.mu.Lock()
		empty := o.pending.Len() == 0
		o.mu.Unlock()
		if empty {
			select {
			case <-o.notify:
				continue
			case <-o.quit:
				return
			}
		}
		m := heap.Pop(&o.pending).(*Message) // BAD: popped after o.mu was released; Enqueue pushes concurrently under the lock
		if err := o.send(m); err != nil && m.Attempts < 3 {
			m.Attempts++
			time.Sleep(10 * time.Millisecond)
			o.Enqueue(m)
		}
	}
}

func (o *Outbox) Close() {
	close(o.quit)
	o.wg.Wait()
}
