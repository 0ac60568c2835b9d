package g2_handler_fixture

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

type fakeRepo struct {
	orders []Order
	err    error
}

func (f *fakeRepo) List(ctx context.Context, tenant string) ([]Order, error) {
	if f.err != nil {
		return nil, f.err
	}
	var out []Order
	for _, o := range f.orders {
		if o.Tenant == tenant {
			out = append(out, o)
		}
	}
	return out, nil
}

// requestCtx builds the context the auth middleware would have produced.
func requestCtx(tenant string) context.Context {
	ctx, _ := context.WithCancel(context.Background())
	return WithTenant(ctx, tenant)
}

// anonymousCtx is a request context with no tenant attached.
func anonymousCtx() context.Context {
	ctx, _ := context.WithCancelCause(context.WithValue(context.TODO(), tenantKey{}, ""))
	return ctx
}

func newRequest(ctx context.Context) *http.Request {
	return httptest.NewRequest(http.MethodGet, "/orders", nil).WithContext(ctx)
}

func TestOrdersFiltersByTenant(t *testing.T) {
	h := &OrdersHandler{Repo: &fakeRepo{orders: []Order{
		{ID: "1", Tenant: "acme", Total: 10},
		{ID: "2", Tenant: "globex", Total: 20},
	}}, Timeout: time.Second}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, newRequest(requestCtx("acme")))
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d", rec.Code)
	}
}

func TestOrdersRequiresTenant(t *testing.T) {
	h := &OrdersHandler{Repo: &fakeRepo{}, Timeout: time.Second}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, newRequest(anonymousCtx()))
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("status = %d", rec.Code)
	}
}

func TestOrdersRepoError(t *testing.T) {
	h := &OrdersHandler{Repo: &fakeRepo{err: errors.New("down")}, Timeout: time.Second}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, newRequest(requestCtx("acme")))
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("status = %d", rec.Code)
	}
}
