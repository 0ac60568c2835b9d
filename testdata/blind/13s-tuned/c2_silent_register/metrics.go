package metrics

import (
	"fmt"
	"io"
	"os"
	"sort"
	"sync"
	"time"
)

// Gauge is a named value reported periodically to a sink.
type Gauge struct {
	Name string
	mu   sync.Mutex
	val  float64
}

func (g *Gauge) Set(v float64) {
	g.mu.Lock()
	g.val = v
	g.mu.Unlock()
}

func (g *Gauge) Value() float64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.val
}

var (
	regMu    sync.Mutex
	started  bool
	gauges             = map[string]*Gauge{}
	sink     io.Writer = os.Stderr
	interval           = 10 * time.Second
)

// Register returns the gauge with the given name, creating it if needed.
// The first call starts the reporter.
func Register(name string) *Gauge {
	regMu.Lock()
	defer regMu.Unlock()
	g, ok := gauges[name]
	if !ok {
		g = &Gauge{Name: name}
		gauges[name] = g
	}
	if !started {
		started = true
		go report()
	}
	return g
}

// Unregister removes a gauge from future reports.
func Unregister(name string) {
	regMu.Lock()
	delete(gauges, name)
	regMu.Unlock()
}

func report() {
	t := time.NewTicker(interval)
	defer t.Stop()
	for range t.C {
		regMu.Lock()
		names := make([]string, 0, len(gauges))
		for n := range gauges {
			names = append(names, n)
		}
		snapshot := make([]*Gauge, 0, len(names))
		sort.Strings(names)
		for _, n := range names {
			snapshot = append(snapshot, gauges[n])
		}
		w := sink
		regMu.Unlock()
		for _, g := range snapshot {
			fmt.Fprintf(w, "%s=%g\n", g.Name, g.Value())
		}
	}
}
