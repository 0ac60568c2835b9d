package b1_rate_enforcer

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// ErrLimited is returned when a tenant has used up its quota for the window.
var ErrLimited = errors.New("rate limit exceeded")

type acquireReq struct {
	tenant string
	cost   int
	reply  chan error
}

// Enforcer serialises quota accounting for all tenants through one goroutine.
type Enforcer struct {
	limit    int
	window   time.Duration
	requests chan acquireReq
	used     map[string]int
}

// NewEnforcer starts the enforcement loop; the loop stops when ctx is cancelled.
func NewEnforcer(ctx context.Context, limit int, window time.Duration) *Enforcer {
	e := &Enforcer{
		limit:    limit,
		window:   window,
		requests: make(chan acquireReq),
		used:     make(map[string]int),
	}
	go e.run(ctx)
	return e
}

func (e *Enforcer) run(ctx context.Context) {
	ticker := time.NewTicker(e.window)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			clear(e.used)
		case req := <-e.requests:
			req.reply <- e.charge(req.tenant, req.cost)
		}
	}
}

func (e *Enforcer) charge(tenant string, cost int) error {
	if e.used[tenant]+cost > e.limit {
		return ErrLimited
	}
	e.used[tenant] += cost
	return nil
}

// Acquire charges cost units to tenant and reports ErrLimited when over quota.
func (e *Enforcer) Acquire(tenant string, cost int) error {
	req := acquireReq{tenant: tenant, cost: cost, reply: make(chan error, 1)}
	e.requests <- req // BAD: run returns on ctx.Done(); after cancellation nobody receives and Acquire blocks forever
	return <-req.reply
}

// Middleware rejects requests from tenants that exceed their quota.
func (e *Enforcer) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tenant := r.Header.Get("X-Tenant")
		if tenant == "" {
			tenant = "anonymous"
		}
		if err := e.Acquire(tenant, 1); err != nil {
			http.Error(w, err.Error(), http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}
