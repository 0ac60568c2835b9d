package gauges

import (
	"fmt"
	"io"
	"sort"
	"sync"
)

type Registry struct {
	mu     sync.RWMutex
	values map[string]float64
	labels map[string]string
}

func NewRegistry() *Registry {
	return &Registry{values: make(map[string]float64), labels: make(map[string]string)}
}

func (r *Registry) Set(name string, v float64) {
	r.mu.Lock()
	r.values[name] = v
	r.mu.Unlock()
}

func (r *Registry) Label(name, help string) {
	r.mu.Lock()
	r.labels[name] = help
	r.mu.Unlock()
}

func (r *Registry) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.values)
}

func (r *Registry) WriteTo(w io.Writer) (int64, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	names := make([]string, 0, r.Len())
	for n := range r.values {
		names = append(names, n)
	}
	sort.Strings(names)
	var total int64
	for _, n := range names {
		k, err := fmt.Fprintf(w, "# HELP %s %s\n%s %g\n", n, r.labels[n], n, r.values[n])
		total += int64(k)
		if err != nil {
			return total, err
		}
	}
	return total, nil
}
