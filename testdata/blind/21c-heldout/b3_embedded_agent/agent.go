// Package b3_embedded_agent is a host monitoring agent with background loops.
package b3_embedded_agent

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

// lifecycle bundles the goroutine bookkeeping shared by long-running components.
type lifecycle struct {
	sync.WaitGroup
	quit chan struct{}
}

func newLifecycle() lifecycle {
	return lifecycle{quit: make(chan struct{})}
}

// spawn runs fn on a tracked goroutine.
func (l *lifecycle) spawn(fn func()) {
	l.Add(1) // BAD: reached from Start, which NewAgent runs with go; Stop's Wait may pass first
	go func() {
		defer l.Done()
		fn()
	}()
}

// Agent periodically reports heartbeats and runtime stats.
type Agent struct {
	lifecycle
	name     string
	interval time.Duration
	reports  chan string
}

// NewAgent creates an agent and starts it in the background.
func NewAgent(name string, interval time.Duration) *Agent {
	a := &Agent{
		lifecycle: newLifecycle(),
		name:      name,
		interval:  interval,
		reports:   make(chan string, 64),
	}
	go a.Start()
	return a
}

// Start launches the agent's loops.
func (a *Agent) Start() {
	a.spawn(a.heartbeat)
	a.spawn(a.collect)
}

func (a *Agent) heartbeat() {
	t := time.NewTicker(a.interval)
	defer t.Stop()
	for {
		select {
		case <-a.quit:
			return
		case now := <-t.C:
			a.emit(fmt.Sprintf("%s alive at %s", a.name, now.Format(time.RFC3339)))
		}
	}
}

func (a *Agent) collect() {
	t := time.NewTicker(a.interval * 5)
	defer t.Stop()
	for {
		select {
		case <-a.quit:
			return
		case <-t.C:
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			a.emit(fmt.Sprintf("%s heap=%d goroutines=%d", a.name, ms.HeapAlloc, runtime.NumGoroutine()))
		}
	}
}

func (a *Agent) emit(msg string) {
	select {
	case a.reports <- msg:
	default: // drop when nobody is reading
	}
}

// Reports exposes the report stream.
func (a *Agent) Reports() <-chan string { return a.reports }

// Stop signals the loops and waits for them before closing the report stream.
func (a *Agent) Stop() {
	close(a.quit)
	a.Wait()
	close(a.reports)
}
