package migrate

import (
	"context"
	"fmt"
)

// Lease grants exclusive use of the schema for one migration step.
type Lease struct{ holder string }

// Gate allows at most n concurrent schema leases.
type Gate struct {
	leases chan *Lease
}

func NewGate(n int) *Gate {
	g := &Gate{leases: make(chan *Lease, n)}
	for i := 0; i < n; i++ {
		g.leases <- &Lease{}
	}
	return g
}

func (g *Gate) Acquire(ctx context.Context, who string) (*Lease, error) {
	select {
	case l := <-g.leases:
		l.holder = who
		return l, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (g *Gate) Release(l *Lease) {
	l.holder = ""
	g.leases <- l
}

type Step struct {
	Name string
	SQL  string
}

func (s Step) Run(applied map[string]bool) error {
	if applied[s.Name] {
		return fmt.Errorf("step %s already applied", s.Name)
	}
	applied[s.Name] = true
	return nil
}
