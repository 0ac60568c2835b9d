// Command pusher is a demo of periodically pushing process metrics to a
// collector. It runs until the process is killed.
package main

import (
	"bytes"
	"fmt"
	"log"
	"runtime"
	"sort"
	"sync"
	"time"
)

type Registry struct {
	mu       sync.Mutex
	counters map[string]int64
}

func NewRegistry() *Registry {
	return &Registry{counters: make(map[string]int64)}
}

func (r *Registry) Inc(name string, delta int64) {
	r.mu.Lock()
	r.counters[name] += delta
	r.mu.Unlock()
}

func (r *Registry) Snapshot() map[string]int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string]int64, len(r.counters))
	for k, v := range r.counters {
		out[k] = v
	}
	return out
}

// encode renders a snapshot in a line protocol similar to what the
// collector accepts.
func encode(host string, snap map[string]int64, at time.Time) []byte {
	keys := make([]string, 0, len(snap))
	for k := range snap {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	for _, k := range keys {
		fmt.Fprintf(&buf, "%s,host=%s value=%d %d\n", k, host, snap[k], at.UnixNano())
	}
	return buf.Bytes()
}

type Pusher struct {
	reg      *Registry
	host     string
	interval time.Duration
	send     func([]byte) error
}

func (p *Pusher) Run() {
	ticker := time.NewTicker(p.interval)
	defer ticker.Stop()
	for t := range ticker.C {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		p.reg.Inc("heap_alloc_samples", 1)
		p.reg.Inc("goroutines_seen", int64(runtime.NumGoroutine()))
		if err := p.send(encode(p.host, p.reg.Snapshot(), t)); err != nil {
			log.Printf("push failed: %v", err)
		}
	}
}

func simulateTraffic(reg *Registry) {
	for i := 0; ; i++ {
		reg.Inc("http_requests_total", 1)
		if i%17 == 0 {
			reg.Inc("http_errors_total", 1)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func main() {
	reg := NewRegistry()
	p := &Pusher{
		reg:      reg,
		host:     "demo-01",
		interval: 2 * time.Second,
		send: func(b []byte) error {
			_, err := fmt.Print(string(b))
			return err
		},
	}

	go simulateTraffic(reg)
	go p.Run()

	// Keep the process alive so the pusher keeps pushing.
	time.Sleep(24 * time.Hour)
}
