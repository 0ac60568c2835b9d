package g3_route_index_swap

import (
	"context"
	"log"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Source returns the latest routing table and its generation number.
type Source interface {
	Fetch(ctx context.Context) (int64, []Route, error)
}

type Router struct {
	src     Source
	current atomic.Pointer[routeIndex]
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

func NewRouter(src Source, every time.Duration) *Router {
	ctx, cancel := context.WithCancel(context.Background())
	r := &Router{src: src, cancel: cancel}
	r.current.Store(new(routeIndex))
	r.reloadOnce(ctx)
	r.wg.Add(1)
	go r.refreshLoop(ctx, every)
	return r
}

func (r *Router) refreshLoop(ctx context.Context, every time.Duration) {
	defer r.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			r.reloadOnce(ctx)
		}
	}
}

// reloadOnce builds a brand-new index and swaps it in.
func (r *Router) reloadOnce(ctx context.Context) {
	gen, routes, err := r.src.Fetch(ctx)
	if err != nil {
		log.Printf("routes: fetch: %v", err)
		return
	}
	if gen == r.current.Load().Generation() {
		return
	}
	idx := new(routeIndex)
	idx.restore(gen, routes)
	r.current.Store(idx)
}

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	rt, ok := r.current.Load().Match(req.Host, req.URL.Path)
	if !ok {
		http.NotFound(w, req)
		return
	}
	w.Header().Set("X-Backend", rt.Backend)
	w.WriteHeader(http.StatusNoContent)
}

func (r *Router) Close() {
	r.cancel()
	r.wg.Wait()
}
