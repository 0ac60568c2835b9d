package discovery

import (
	"fmt"
	"os"
	"sync"
)

type gauges struct {
	mu      sync.Mutex
	added   map[string]int
	removed int
	source  *Registry
}

func newGauges() *gauges {
	return &gauges{added: make(map[string]int)}
}

func (g *gauges) ServiceAdded(name, addr string) {
	g.mu.Lock()
	g.added[name]++
	g.mu.Unlock()
}

func (g *gauges) ServiceRemoved(name string) {
	g.mu.Lock()
	g.removed++
	g.mu.Unlock()
}

func (g *gauges) publish() {
	g.mu.Lock()
	defer g.mu.Unlock()
	total := 0
	for _, n := range g.added {
		total += n
	}
	live := 0
	if g.source != nil {
		live = g.source.Len()
	}
	fmt.Fprintf(os.Stdout, "services_registered_total=%d services_removed_total=%d services_live=%d\n",
		total, g.removed, live)
}
