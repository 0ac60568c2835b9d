package b2_peer_refresher

import (
	"context"
	"math/rand/v2"
	"sort"
	"sync"
	"time"
)

// Resolver looks up the current set of peer addresses, e.g. from DNS.
type Resolver interface {
	Resolve(ctx context.Context) ([]string, error)
}

type peerSet struct {
	mu      sync.RWMutex
	addrs   []string
	updated time.Time
	lastErr error

	res  Resolver
	stop chan struct{}
	wg   sync.WaitGroup
}

func newPeerSet(res Resolver) *peerSet {
	return &peerSet{res: res, stop: make(chan struct{})}
}

// Pick returns a random peer, or "" if none are known.
func (p *peerSet) Pick() string {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if len(p.addrs) == 0 {
		return ""
	}
	return p.addrs[rand.IntN(len(p.addrs))]
}

// Status reports when the set was last refreshed and the last resolve error.
func (p *peerSet) Status() (time.Time, error) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.updated, p.lastErr
}

func (p *peerSet) Len() int {
	p.mu.RLock()
	n := len(p.addrs)
	p.mu.RUnlock()
	return n
}

// refresh resolves the peer list and stores it.
func (p *peerSet) refresh(ctx context.Context) {
	addrs, err := p.res.Resolve(ctx)
	if err != nil {
		p.lastErr = err // BAD: guarded lastErr written without p.mu from the refresher goroutine
		return
	}
	sort.Strings(addrs)
	p.addrs = addrs        // BAD: guarded addrs replaced without p.mu while Pick reads it
	p.updated = time.Now() // BAD: guarded updated written without p.mu while Status reads it
	p.lastErr = nil        // BAD: guarded lastErr cleared without p.mu from the refresher goroutine
}

// Start does one synchronous resolve and then keeps the set fresh.
func (p *peerSet) Start(interval time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	p.refresh(ctx)
	cancel()

	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				p.refresh(ctx)
				cancel()
			}
		}
	}()
}

func (p *peerSet) Stop() {
	close(p.stop)
	p.wg.Wait()
}
