package g1_inventory_store

import (
	"errors"
	"testing"
	"time"
)

func TestReserve(t *testing.T) {
	s := newStore(map[string]int{"bolt": 5})
	if err := s.Reserve("bolt", 4, time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := s.Reserve("bolt", 2, time.Minute); !errors.Is(err, ErrOutOfStock) {
		t.Fatalf("want ErrOutOfStock, got %v", err)
	}
	if got := s.Available("bolt"); got != 1 {
		t.Fatalf("available = %d, want 1", got)
	}
}
