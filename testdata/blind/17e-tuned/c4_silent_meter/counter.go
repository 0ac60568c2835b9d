package meter

import "sync"

type rejectCounter struct {
	mu     sync.Mutex
	counts map[string]int
}

func newRejectCounter() *rejectCounter {
	return &rejectCounter{counts: make(map[string]int)}
}

func (r *rejectCounter) Rejected(client string) {
	r.mu.Lock()
	r.counts[client]++
	r.mu.Unlock()
}

func (r *rejectCounter) Top() (string, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	best, n := "", 0
	for c, k := range r.counts {
		if k > n {
			best, n = c, k
		}
	}
	return best, n
}
