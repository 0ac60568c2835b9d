package g4_seq_allocator

import "testing"

func TestAllocate(t *testing.T) {
	a := NewAllocator(10)
	if id, err := a.Next("orders"); err != nil || id != 1 {
		t.Fatalf("next = %d, %v", id, err)
	}
	if first, err := a.Reserve("orders", 5); err != nil || first != 2 {
		t.Fatalf("reserve = %d, %v", first, err)
	}
	if got := a.Peek("orders"); got != 7 {
		t.Fatalf("peek = %d", got)
	}
	if _, err := a.Reserve("orders", 5); err == nil {
		t.Fatal("expected exhaustion")
	}
	if id, _ := a.Next("invoices"); id != 1 {
		t.Fatalf("invoices next = %d", id)
	}
}
