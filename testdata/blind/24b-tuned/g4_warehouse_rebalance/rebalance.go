// Correct: stock maps of all three warehouses are written only between lockNodes(src, a, b) and unlockNodes; the post-unlock write is to m.moves under m.mu.
package g4_warehouse_rebalance

import (
	"fmt"
	"slices"
	"sync"
)

type Warehouse struct {
	Code  string
	mu    sync.Mutex
	stock map[string]int
	dirty bool
}

func NewWarehouse(code string) *Warehouse {
	return &Warehouse{Code: code, stock: map[string]int{}}
}

// adjust must be called with w.mu held.
func (w *Warehouse) adjust(sku string, delta int) {
	w.stock[sku] += delta
	if w.stock[sku] == 0 {
		delete(w.stock, sku)
	}
	w.dirty = true
}

func ordered(ws []*Warehouse) []*Warehouse {
	out := slices.Clone(ws)
	slices.SortFunc(out, func(a, b *Warehouse) int {
		switch {
		case a.Code < b.Code:
			return -1
		case a.Code > b.Code:
			return 1
		}
		return 0
	})
	return slices.CompactFunc(out, func(a, b *Warehouse) bool { return a == b })
}

// lockNodes locks every distinct warehouse in code order.
func lockNodes(ws ...*Warehouse) {
	for _, w := range ordered(ws) {
		w.mu.Lock()
	}
}

func unlockNodes(ws ...*Warehouse) {
	for _, w := range ordered(ws) {
		w.mu.Unlock()
	}
}

type Mover struct {
	mu    sync.Mutex
	moves int
}

// Split moves qty units of sku out of src, half to a and the rest to b.
func (m *Mover) Split(src, a, b *Warehouse, sku string, qty int) error {
	if qty <= 0 {
		return fmt.Errorf("split: bad quantity %d", qty)
	}
	if src == a || src == b {
		return fmt.Errorf("split: source %s is also a destination", src.Code)
	}

	lockNodes(src, a, b)
	if have := src.stock[sku]; have < qty {
		unlockNodes(src, a, b)
		return fmt.Errorf("split: %s has only %d of %s", src.Code, have, sku)
	}
	half := qty / 2
	src.adjust(sku, -qty)
	a.adjust(sku, half)
	b.adjust(sku, qty-half)
	unlockNodes(src, a, b)

	m.mu.Lock()
	m.moves++
	m.mu.Unlock()
	return nil
}

// Flush clears the dirty flag and returns a copy of the stock.
func (w *Warehouse) Flush() map[string]int {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.dirty = false
	out := make(map[string]int, len(w.stock))
	for k, v := range w.stock {
		out[k] = v
	}
	return out
}

// Rebalance runs a batch of splits concurrently.
func (m *Mover) Rebalance(jobs []SplitJob) []error {
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() {
			errs[i] = m.Split(j.Src, j.A, j.B, j.SKU, j.Qty)
		})
	}
	wg.Wait()
	return errs
}

type SplitJob struct {
	Src, A, B *Warehouse
	SKU       string
	Qty       int
}
