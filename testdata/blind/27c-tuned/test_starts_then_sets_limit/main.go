// BAD: the dispatcher goroutine started by Start reads d.limit for every batch, and
// SetLimit writes d.limit with no lock; the package's test calls SetLimit after Start.
package dispatch

import (
	"sync"
	"time"
)

// Dispatcher drains a queue in batches of at most limit items.
type Dispatcher struct {
	queue   chan string
	limit   int
	deliver func(batch []string)
	done    chan struct{}
	wg      sync.WaitGroup
}

func NewDispatcher(limit int, deliver func([]string)) *Dispatcher {
	return &Dispatcher{
		queue:   make(chan string, 256),
		limit:   limit,
		deliver: deliver,
		done:    make(chan struct{}),
	}
}

func (d *Dispatcher) Start() {
	d.wg.Add(1)
	go d.run()
}

func (d *Dispatcher) run() {
	defer d.wg.Done()
	for {
		select {
		case <-d.done:
			return
		case first := <-d.queue:
			batch := []string{first}
		fill:
			for len(batch) < d.limit {
				select {
				case msg := <-d.queue:
					batch = append(batch, msg)
				case <-time.After(10 * time.Millisecond):
					break fill
				}
			}
			d.deliver(batch)
		}
	}
}

// SetLimit changes the maximum batch size.
func (d *Dispatcher) SetLimit(n int) {
	if n < 1 {
		n = 1
	}
	d.limit = n // want "without a lock|without holding"
}

func (d *Dispatcher) Enqueue(msg string) { d.queue <- msg }

func (d *Dispatcher) Stop() {
	close(d.done)
	d.wg.Wait()
}
