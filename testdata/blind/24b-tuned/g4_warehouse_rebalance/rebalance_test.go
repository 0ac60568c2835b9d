package g4_warehouse_rebalance

import "testing"

func TestRebalance(t *testing.T) {
	x, y, z := NewWarehouse("X"), NewWarehouse("Y"), NewWarehouse("Z")
	x.stock["bolt"] = 100
	y.stock["bolt"] = 100
	var m Mover
	errs := m.Rebalance([]SplitJob{
		{x, y, z, "bolt", 10},
		{y, x, z, "bolt", 20},
		{z, x, y, "bolt", 1000},
	})
	if errs[0] != nil || errs[1] != nil || errs[2] == nil {
		t.Fatalf("unexpected errors: %v", errs)
	}
	total := 0
	for _, w := range []*Warehouse{x, y, z} {
		for _, v := range w.Flush() {
			total += v
		}
	}
	if total != 200 {
		t.Fatalf("total = %d", total)
	}
}
