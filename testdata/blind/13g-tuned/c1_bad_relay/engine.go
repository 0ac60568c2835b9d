package relay

import (
	"sync"
	"time"
)

type Request struct {
	ID    uint64
	Body  string
	Reply chan string
}

type Engine struct {
	mu       sync.Mutex
	handled  int
	draining bool

	in       chan Request
	results  chan result
	pending  map[uint64]Request
	expired  int
	deadline time.Duration
	backend  func(string) string
}

type result struct {
	id  uint64
	out string
}

func NewEngine(backend func(string) string, deadline time.Duration) *Engine {
	e := &Engine{
		in:       make(chan Request),
		results:  make(chan result, 16),
		pending:  make(map[uint64]Request),
		deadline: deadline,
		backend:  backend,
	}
	go e.loop()
	return e
}

func (e *Engine) Submit(r Request) bool {
	e.mu.Lock()
	draining := e.draining
	e.mu.Unlock()
	if draining {
		return false
	}
	e.in <- r
	return true
}

func (e *Engine) Handled() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.handled
}

func (e *Engine) Drain() {
	e.mu.Lock()
	e.draining = true
	e.mu.Unlock()
}

func (e *Engine) loop() {
	for {
		select {
		case r := <-e.in:
			e.dispatch(r)
		case res := <-e.results:
			e.complete(res)
		}
	}
}
