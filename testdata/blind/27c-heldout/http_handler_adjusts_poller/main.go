// BAD: the poll loop reads p.interval on every iteration while the admin HTTP handler,
// which runs after Start, calls SetInterval and writes p.interval with no lock or atomic.
package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"strconv"
	"time"
)

// Poller periodically fetches a health endpoint.
type Poller struct {
	target   string
	interval time.Duration
	client   *http.Client
	results  chan int
}

func NewPoller(target string, interval time.Duration) *Poller {
	return &Poller{
		target:   target,
		interval: interval,
		client:   &http.Client{Timeout: 2 * time.Second},
		results:  make(chan int, 16),
	}
}

// Start launches the polling goroutine.
func (p *Poller) Start(ctx context.Context) {
	go p.loop(ctx)
}

func (p *Poller) loop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			close(p.results)
			return
		case <-time.After(p.interval):
		}
		resp, err := p.client.Get(p.target)
		if err != nil {
			log.Printf("poll %s: %v", p.target, err)
			continue
		}
		resp.Body.Close()
		select {
		case p.results <- resp.StatusCode:
		default:
		}
	}
}

// SetInterval changes how often the target is polled.
func (p *Poller) SetInterval(d time.Duration) {
	p.interval = d // want "without a lock|without holding"
}

// adminHandler lets operators tune the running poller.
type adminHandler struct {
	poller *Poller
}

func (h *adminHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ms, err := strconv.Atoi(r.URL.Query().Get("interval_ms"))
	if err != nil || ms <= 0 {
		http.Error(w, "bad interval_ms", http.StatusBadRequest)
		return
	}
	h.poller.SetInterval(time.Duration(ms) * time.Millisecond)
	fmt.Fprintf(w, "interval set to %dms\n", ms)
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	p := NewPoller("http://localhost:8080/healthz", 5*time.Second)
	p.Start(ctx)

	go func() {
		for code := range p.results {
			log.Printf("health status: %d", code)
		}
	}()

	mux := http.NewServeMux()
	mux.Handle("/admin/poll", &adminHandler{poller: p})
	log.Fatal(http.ListenAndServe("127.0.0.1:9090", mux))
}
