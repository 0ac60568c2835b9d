package g2_worker_pool

import (
	"errors"
	"testing"
)

func TestShutdownCollectsErrors(t *testing.T) {
	p := NewPool(4, 16)
	boom := errors.New("boom")
	for i := 0; i < 10; i++ {
		i := i
		if err := p.Submit(func() error {
			if i%5 == 0 {
				return boom
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	n, err := p.Shutdown()
	if n != 10 {
		t.Fatalf("completed = %d, want 10", n)
	}
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
}
