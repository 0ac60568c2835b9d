package b2_agent_heartbeat

import (
	"context"
	"sync"
	"time"
)

// Reporter receives heartbeats from the agent.
type Reporter interface {
	Beat(id string, at time.Time) error
}

// Agent periodically reports liveness to a control plane.
type Agent struct {
	id       string
	interval time.Duration
	rep      Reporter

	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu     sync.Mutex
	failed int
}

// NewAgent creates an agent and starts its heartbeat loop.
func NewAgent(id string, interval time.Duration, rep Reporter) *Agent {
	ctx, cancel := context.WithCancel(context.Background())
	a := &Agent{id: id, interval: interval, rep: rep, cancel: cancel}
	go a.run(ctx)
	return a
}

func (a *Agent) run(ctx context.Context) {
	a.wg.Add(1) // BAD: run counts itself from inside the goroutine; Stop can Wait before this runs
	defer a.wg.Done()

	t := time.NewTicker(a.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			if err := a.rep.Beat(a.id, now); err != nil {
				a.mu.Lock()
				a.failed++
				a.mu.Unlock()
			}
		}
	}
}

// Failures returns how many heartbeats could not be delivered.
func (a *Agent) Failures() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.failed
}

// Stop cancels the loop and waits until no more heartbeats are sent.
func (a *Agent) Stop() {
	a.cancel()
	a.wg.Wait()
}
