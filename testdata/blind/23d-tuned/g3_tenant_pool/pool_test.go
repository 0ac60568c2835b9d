package g3_tenant_pool

import (
	"sync"
	"testing"
)

func TestSubmitEvictClose(t *testing.T) {
	p := New(4)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 100; k++ {
				_ = p.Submit("acme", func() {})
				p.Evict("acme")
			}
		}()
	}
	wg.Wait()
	p.Close()
	if err := p.Submit("acme", func() {}); err != ErrClosed {
		t.Fatalf("got %v, want ErrClosed", err)
	}
}
