package plugins

import (
	"context"
	"sync"
)

type Request struct {
	ID     string
	Plugin string
	Args   map[string]string
}

type Result struct {
	ID     string
	Output string
	Err    error
}

type Runner func(ctx context.Context, args map[string]string) (string, error)

type Dispatcher struct {
	mu       sync.RWMutex
	registry map[string]Runner
	results  chan Result
}

func NewDispatcher(buf int) *Dispatcher {
	return &Dispatcher{
		registry: make(map[string]Runner),
		results:  make(chan Result, buf),
	}
}

func (d *Dispatcher) Register(name string, r Runner) {
	d.mu.Lock()
	d.registry[name] = r
	d.mu.Unlock()
}

func (d *Dispatcher) Results() <-chan Result { return d.results }

func (d *Dispatcher) lookup(name string) Runner {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.registry[name]
}
