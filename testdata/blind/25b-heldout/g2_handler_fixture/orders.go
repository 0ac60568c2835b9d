// GOOD: the handler defers its timeout's cancel; discarded cancels appear only in test fixtures over context.Background()/TODO().
package g2_handler_fixture

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

type tenantKey struct{}

// WithTenant attaches the tenant id resolved by the auth middleware.
func WithTenant(ctx context.Context, tenant string) context.Context {
	return context.WithValue(ctx, tenantKey{}, tenant)
}

func tenantFrom(ctx context.Context) string {
	t, _ := ctx.Value(tenantKey{}).(string)
	return t
}

type Order struct {
	ID     string `json:"id"`
	Tenant string `json:"tenant"`
	Total  int64  `json:"total"`
}

type OrderRepo interface {
	List(ctx context.Context, tenant string) ([]Order, error)
}

type OrdersHandler struct {
	Repo    OrderRepo
	Timeout time.Duration
}

func (h *OrdersHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tenant := tenantFrom(r.Context())
	if tenant == "" {
		http.Error(w, "no tenant", http.StatusUnauthorized)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.Timeout)
	defer cancel()
	orders, err := h.Repo.List(ctx, tenant)
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(orders)
}
