package b3_tenant_poller

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"sync"
	"time"
)

// Quota is the usage snapshot reported by a tenant's billing endpoint.
type Quota struct {
	Used  int64 `json:"used"`
	Limit int64 `json:"limit"`
}

// StartPoller polls url every interval and hands each decoded quota to sink.
func StartPoller(url string, every time.Duration, sink func(Quota)) {
	go func() { // BAD: endless poll loop started per tenant on every Sync; nothing stops it
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			<-t.C
			q, err := fetchQuota(url)
			if err != nil {
				log.Printf("poll %s: %v", url, err)
				continue
			}
			sink(q)
		}
	}()
}

func fetchQuota(url string) (Quota, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Quota{}, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return Quota{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Quota{}, fmt.Errorf("status %d", resp.StatusCode)
	}
	var q Quota
	err = json.NewDecoder(resp.Body).Decode(&q)
	return q, err
}

// Registry tracks the latest quota for each tenant.
type Registry struct {
	mu     sync.Mutex
	quotas map[string]Quota
	every  time.Duration
}

func NewRegistry(every time.Duration) *Registry {
	return &Registry{quotas: make(map[string]Quota), every: every}
}

// Sync is called whenever the tenant list changes (admin API, config push).
func (r *Registry) Sync(tenants map[string]string) {
	for id, endpoint := range tenants {
		id := id
		StartPoller(endpoint, r.every, func(q Quota) {
			r.mu.Lock()
			r.quotas[id] = q
			r.mu.Unlock()
		})
	}
}

func (r *Registry) Quota(tenant string) (Quota, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	q, ok := r.quotas[tenant]
	return q, ok
}
