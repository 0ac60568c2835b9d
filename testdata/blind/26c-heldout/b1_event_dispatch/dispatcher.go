package b1_event_dispatch

import (
	"errors"
	"log"
	"sync"
	"time"
)

// Event is a single notification fanned out to every subscriber.
type Event struct {
	Topic   string
	Payload []byte
}

type subscriber struct {
	name string
	ch   chan Event
}

// ErrClosed is returned by Publish after Close.
var ErrClosed = errors.New("dispatcher closed")

// Dispatcher delivers published events to subscribers, giving each delivery
// at most perDelivery before the event is dropped for that subscriber.
type Dispatcher struct {
	in          chan Event
	perDelivery time.Duration

	mu      sync.Mutex
	subs    []*subscriber
	dropped map[string]int

	quit     chan struct{}
	quitOnce sync.Once
	wg       sync.WaitGroup
}

// NewDispatcher starts the delivery goroutine.
func NewDispatcher(buffer int, perDelivery time.Duration) *Dispatcher {
	d := &Dispatcher{
		in:          make(chan Event, buffer),
		perDelivery: perDelivery,
		dropped:     make(map[string]int),
		quit:        make(chan struct{}),
	}
	d.wg.Add(1)
	go d.run()
	return d
}

// Subscribe registers a named consumer and returns its channel.
func (d *Dispatcher) Subscribe(name string, buf int) <-chan Event {
	s := &subscriber{name: name, ch: make(chan Event, buf)}
	d.mu.Lock()
	d.subs = append(d.subs, s)
	d.mu.Unlock()
	return s.ch
}

// Publish queues ev for delivery.
func (d *Dispatcher) Publish(ev Event) error {
	select {
	case d.in <- ev:
		return nil
	case <-d.quit:
		return ErrClosed
	}
}

// Dropped reports how many events were dropped for the named subscriber.
func (d *Dispatcher) Dropped(name string) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.dropped[name]
}

// Close stops delivery and waits for the goroutine to exit.
func (d *Dispatcher) Close() {
	d.quitOnce.Do(func() { close(d.quit) })
	d.wg.Wait()
}

func newStoppedTimer() *time.Timer {
	t := time.NewTimer(time.Hour)
	if !t.Stop() {
		<-t.C
	}
	return t
}

func (d *Dispatcher) snapshot() []*subscriber {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]*subscriber(nil), d.subs...)
}

func (d *Dispatcher) recordDrop(name, topic string) {
	d.mu.Lock()
	d.dropped[name]++
	d.mu.Unlock()
	log.Printf("dispatcher: dropped %q for slow subscriber %s", topic, name)
}

func (d *Dispatcher) run() {
	defer d.wg.Done()
	t := newStoppedTimer()
	for {
		var ev Event
		select {
		case ev = <-d.in:
		case <-d.quit:
			return
		}
		for _, s := range d.snapshot() {
			t.Reset(d.perDelivery)
			select {
			case s.ch <- ev:
			case <-t.C:
				d.recordDrop(s.name, ev.Topic)
			case <-d.quit:
				t.Stop()
				return
			}
			if !t.Stop() {
				<-t.C // BAD: after a timed-out delivery the select already received the timer's value, so Stop returns false and this drain blocks forever
			}
		}
	}
}
