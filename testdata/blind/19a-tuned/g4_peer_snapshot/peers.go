// Correct: r.peers is only sorted/written under r.mu; the unlocked sort.Sort and heap calls operate on local copies that no other goroutine can see.
package g4_peer_snapshot

import (
	"container/heap"
	"sort"
	"sync"
	"time"
)

type Peer struct {
	Addr    string
	Latency time.Duration
	Fails   int
}

type byLatency []Peer

func (p byLatency) Len() int           { return len(p) }
func (p byLatency) Less(i, j int) bool { return p[i].Latency < p[j].Latency }
func (p byLatency) Swap(i, j int)      { p[i], p[j] = p[j], p[i] }

type byAddr []Peer

func (p byAddr) Len() int           { return len(p) }
func (p byAddr) Less(i, j int) bool { return p[i].Addr < p[j].Addr }
func (p byAddr) Swap(i, j int)      { p[i], p[j] = p[j], p[i] }

// failHeap is a min-heap on Fails used to keep the k worst peers.
type failHeap []Peer

func (h failHeap) Len() int           { return len(h) }
func (h failHeap) Less(i, j int) bool { return h[i].Fails < h[j].Fails }
func (h failHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *failHeap) Push(x any)        { *h = append(*h, x.(Peer)) }
func (h *failHeap) Pop() any {
	old := *h
	p := old[len(old)-1]
	*h = old[:len(old)-1]
	return p
}

// Registry keeps peers ordered by measured latency; a prober goroutine
// updates it while request paths pick the fastest peer.
type Registry struct {
	mu    sync.Mutex
	peers byLatency
}

func (r *Registry) Observe(addr string, lat time.Duration, failed bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := range r.peers {
		if r.peers[i].Addr == addr {
			r.peers[i].Latency = lat
			if failed {
				r.peers[i].Fails++
			}
			sort.Sort(r.peers)
			return
		}
	}
	r.peers = append(r.peers, Peer{Addr: addr, Latency: lat})
	sort.Sort(r.peers)
}

func (r *Registry) Fastest() (Peer, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.peers) == 0 {
		return Peer{}, false
	}
	return r.peers[0], true
}

// Snapshot returns the peers ordered by address for a status page.
func (r *Registry) Snapshot() []Peer {
	r.mu.Lock()
	out := make(byAddr, len(r.peers))
	copy(out, r.peers)
	r.mu.Unlock()
	sort.Sort(out)
	return out
}

// WorstK returns the k peers with the most failures.
func (r *Registry) WorstK(k int) []Peer {
	var h failHeap
	for _, p := range r.Snapshot() {
		heap.Push(&h, p)
		if h.Len() > k {
			heap.Pop(&h)
		}
	}
	sort.Sort(sort.Reverse(h))
	return h
}

// StartProber measures peers periodically until stop is closed.
func (r *Registry) StartProber(addrs []string, probe func(string) (time.Duration, error), stop <-chan struct{}) {
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				for _, a := range addrs {
					lat, err := probe(a)
					r.Observe(a, lat, err != nil)
				}
			}
		}
	}()
}
