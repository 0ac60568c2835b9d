// Correct: lastErr is rewritten on every failed poll, but every reader holds p.mu (Err) or copies it into a local under p.mu (Wait).
package g4_poller_locked_err

import (
	"context"
	"sync"
	"time"
)

type FetchFunc func(ctx context.Context) ([]byte, error)

// Poller periodically refreshes a config blob from a remote source.
type Poller struct {
	fetch    FetchFunc
	interval time.Duration
	cancel   context.CancelFunc
	done     chan struct{}

	mu       sync.Mutex
	cond     *sync.Cond
	version  int
	current  []byte
	lastErr  error // error of the most recent poll, nil after a success
	failures int
}

func NewPoller(fetch FetchFunc, interval time.Duration) *Poller {
	ctx, cancel := context.WithCancel(context.Background())
	p := &Poller{fetch: fetch, interval: interval, cancel: cancel, done: make(chan struct{})}
	p.cond = sync.NewCond(&p.mu)
	go p.loop(ctx)
	return p
}

func (p *Poller) loop(ctx context.Context) {
	defer close(p.done)
	t := time.NewTicker(p.interval)
	defer t.Stop()
	for {
		data, err := p.fetch(ctx)
		p.mu.Lock()
		if err != nil {
			p.lastErr = err
			p.failures++
		} else {
			p.lastErr = nil
			p.current = data
			p.version++
		}
		p.cond.Broadcast()
		p.mu.Unlock()

		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Err returns the error of the latest poll.
func (p *Poller) Err() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.lastErr
}

// Wait blocks until a poll newer than version finished and returns its result.
func (p *Poller) Wait(version int) ([]byte, int, error) {
	p.mu.Lock()
	startFailures := p.failures
	for p.version <= version && p.failures == startFailures {
		p.cond.Wait()
	}
	data, v, err := p.current, p.version, p.lastErr
	p.mu.Unlock()
	if err != nil {
		return nil, v, err
	}
	return data, v, nil
}

func (p *Poller) Stop() {
	p.cancel()
	<-p.done
}
