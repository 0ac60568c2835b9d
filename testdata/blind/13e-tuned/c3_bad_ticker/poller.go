package ticker

import (
	"errors"
	"sync"
	"time"
)

var ErrRunning = errors.New("poller: already running")

type Reading struct {
	At    time.Time
	Value float64
}

// Poller samples a probe at a fixed interval and hands readings to a callback.
type Poller struct {
	probe func() (float64, error)

	mu      sync.Mutex
	running bool
	every   time.Duration
	onRead  func(Reading)
	fails   int
	stop    chan struct{}
	stopped bool
}

func New(probe func() (float64, error)) *Poller {
	return &Poller{probe: probe, every: time.Second}
}

func (p *Poller) Start(every time.Duration, onRead func(Reading)) error {
	p.mu.Lock()
	if p.running {
		p.mu.Unlock()
		return ErrRunning
	}
	p.running = true
	p.mu.Unlock()

	p.stop = make(chan struct{})
	p.every = every
	go p.loop(p.stop)
	p.onRead = onRead
	return nil
}

func (p *Poller) loop(stop <-chan struct{}) {
	for {
		p.mu.Lock()
		every := p.every
		p.mu.Unlock()
		select {
		case <-stop:
			return
		case <-time.After(every):
		}
		v, err := p.probe()
		p.mu.Lock()
		if err != nil {
			p.fails++
			p.mu.Unlock()
			continue
		}
		cb := p.onRead
		p.mu.Unlock()
		if cb != nil {
			cb(Reading{At: time.Now(), Value: v})
		}
	}
}

func (p *Poller) Failures() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.fails
}

func (p *Poller) Stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.running && !p.stopped {
		close(p.stop)
		p.stopped = true
	}
}
