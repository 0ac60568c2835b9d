package inventory

import "sync"

// poller reads change events from src and hands each one to onEvent.
type poller struct {
	onEvent func(sku string, delta int)

	mu      sync.Mutex
	closed  bool
	quit    chan struct{}
	running sync.WaitGroup
}

type change struct {
	sku   string
	delta int
}

func startPoller(src <-chan change, onEvent func(string, int)) *poller {
	p := &poller{onEvent: onEvent, quit: make(chan struct{})}
	go func() {
		for {
			select {
			case <-p.quit:
				return
			case ch := <-src:
				p.deliver(ch)
			}
		}
	}()
	return p
}

func (p *poller) deliver(ch change) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.running.Add(1)
	p.mu.Unlock()
	defer p.running.Done()
	p.onEvent(ch.sku, ch.delta)
}

// Close stops all future deliveries and waits for any that are in progress.
func (p *poller) Close() {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		close(p.quit)
	}
	p.mu.Unlock()
	p.running.Wait()
}
