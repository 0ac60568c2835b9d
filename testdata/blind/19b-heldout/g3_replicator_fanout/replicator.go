// Correct: nextIndex/inflight are written by the loop before the per-peer goroutines start and updated only from the loop; the goroutines get copies and report over progressCh.
package g3_replicator_fanout

import (
	"sync"
	"time"
)

type Sender interface {
	SendFrom(peer string, index uint64) (uint64, error)
}

type progress struct {
	peer  string
	match uint64
	err   error
}

type Replicator struct {
	mu      sync.Mutex
	state   string
	applied uint64
	epoch   uint64

	// loop-only
	nextIndex  map[string]uint64
	inflight   int
	progressCh chan progress

	peers  []string
	sender Sender
	stopCh chan struct{}
	wg     sync.WaitGroup
}

func NewReplicator(peers []string, s Sender) *Replicator {
	return &Replicator{peers: peers, sender: s, state: "idle", stopCh: make(chan struct{})}
}

func (r *Replicator) Applied() uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.applied
}

func (r *Replicator) setState(st string) {
	r.mu.Lock()
	r.state = st
	r.mu.Unlock()
}

func (r *Replicator) Run() {
	r.wg.Add(1)
	go r.runLoop()
}

func (r *Replicator) Close() {
	close(r.stopCh)
	r.wg.Wait()
	r.setState("closed")
}

func (r *Replicator) runLoop() {
	defer r.wg.Done()
	r.setState("replicating")
	r.mu.Lock()
	r.epoch++
	base := r.applied + 1
	r.mu.Unlock()

	r.nextIndex = make(map[string]uint64, len(r.peers))
	r.progressCh = make(chan progress, len(r.peers))
	for _, p := range r.peers {
		r.nextIndex[p] = base
	}
	r.inflight = len(r.peers)
	for _, p := range r.peers {
		go r.ship(p, base, r.progressCh)
	}

	for r.inflight > 0 {
		select {
		case <-r.stopCh:
			return
		case pr := <-r.progressCh:
			r.inflight--
			r.handleProgress(pr)
		}
	}
	r.setState("idle")
}

func (r *Replicator) ship(peer string, from uint64, out chan<- progress) {
	var match uint64
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		match, err = r.sender.SendFrom(peer, from)
		if err == nil {
			break
		}
		time.Sleep(time.Duration(attempt+1) * 10 * time.Millisecond)
	}
	select {
	case out <- progress{peer: peer, match: match, err: err}:
	case <-r.stopCh:
	}
}

func (r *Replicator) handleProgress(pr progress) {
	if pr.err != nil {
		return
	}
	r.nextIndex[pr.peer] = pr.match + 1
	min := pr.match
	for _, n := range r.nextIndex {
		if n-1 < min {
			min = n - 1
		}
	}
	r.mu.Lock()
	if min > r.applied {
		r.applied = min
	}
	r.mu.Unlock()
}
