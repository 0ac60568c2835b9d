package events

import "sync"

type Handler func(Event)

type Dispatcher struct {
	mu       sync.Mutex
	ready    *sync.Cond
	q        ring
	shutdown bool
	handlers map[string][]Handler
	wg       sync.WaitGroup
}

func New(workers int) *Dispatcher {
	d := &Dispatcher{handlers: make(map[string][]Handler)}
	d.ready = sync.NewCond(&d.mu)
	for i := 0; i < workers; i++ {
		d.wg.Add(1)
		go d.worker()
	}
	return d
}

func (d *Dispatcher) Subscribe(topic string, h Handler) {
	d.mu.Lock()
	d.handlers[topic] = append(d.handlers[topic], h)
	d.mu.Unlock()
}

func (d *Dispatcher) Publish(e Event) {
	d.mu.Lock()
	d.q.push(e)
	d.mu.Unlock()
	d.ready.Broadcast()
}

func (d *Dispatcher) worker() {
	defer d.wg.Done()
	d.mu.Lock()
	defer d.mu.Unlock()
	for !d.shutdown {
		if d.q.empty() {
			d.ready.Wait()
		}
		ev, ok := d.q.pop()
		hs := d.handlers[ev.Topic]
		d.mu.Unlock()

		if ok {
			for _, h := range hs {
				h(ev)
			}
		}

		d.mu.Lock()
	}
}

func (d *Dispatcher) Stop() {
	d.mu.Lock()
	d.shutdown = true
	d.mu.Unlock()
	d.ready.Broadcast()
	d.wg.Wait()
}
