package b3_testutil_drain

import "testing"

func TestDiscardBusNeverBlocks(t *testing.T) {
	b := NewDiscardBus(t)
	for i := 0; i < 100; i++ {
		b.Events <- Event{Kind: "put", Key: "k"}
	}
	b.Errors <- nil
}

func TestRecord(t *testing.T) {
	b := NewBus()
	b.Events <- Event{Kind: "put", Key: "a"}
	b.Events <- Event{Kind: "del", Key: "a"}
	r := Record(t, b, 2)
	if got := r.Kinds(); len(got) != 2 || got[0] != "put" || got[1] != "del" {
		t.Fatalf("Kinds = %v", got)
	}
}
