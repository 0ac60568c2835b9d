package topology

import "sync"

// Ring registers itself before it adds its members: another goroutine
// can already reach it through rings and hold Ring.mu while it waits
// for a Member.mu that NewRing holds.
type Member struct {
	mu sync.Mutex
	up bool
}

type Ring struct {
	mu      sync.Mutex
	members []*Member
	count   int
}

var (
	ringsMu sync.Mutex
	rings   []*Ring
)

func NewRing(n int) *Ring {
	r := &Ring{}
	ringsMu.Lock()
	rings = append(rings, r)
	ringsMu.Unlock()
	for i := 0; i < n; i++ {
		m := &Member{up: true}
		r.members = append(r.members, m)
		m.mu.Lock()
		r.mu.Lock() // want `lock order inversion: Ring.mu is locked while Member.mu is held, and elsewhere Member.mu while Ring.mu is held`
		r.count++
		r.mu.Unlock()
		m.mu.Unlock()
	}
	return r
}

func (r *Ring) Recount() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.count = 0
	for _, m := range r.members {
		m.mu.Lock()
		if m.up {
			r.count++
		}
		m.mu.Unlock()
	}
}
