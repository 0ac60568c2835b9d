package g2_tenant_worker_submit

import "testing"

func TestSubmitAfterEvict(t *testing.T) {
	m := NewManager(4)
	m.Ensure("acme")
	done := make(chan struct{})
	if err := m.Submit("acme", func() error { close(done); return nil }); err != nil {
		t.Fatal(err)
	}
	<-done
	m.Evict("acme")
	if err := m.Submit("acme", func() error { return nil }); err != ErrUnknownTenant {
		t.Fatalf("got %v, want ErrUnknownTenant", err)
	}
}
