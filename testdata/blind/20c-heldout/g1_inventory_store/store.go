// GOOD: the loop only returns when a request channel is closed, and nothing ever closes them; the store lives as long as the process.
package g1_inventory_store

import (
	"errors"
	"time"
)

// ErrOutOfStock is returned when a reservation exceeds available stock.
var ErrOutOfStock = errors.New("out of stock")

type hold struct {
	sku     string
	qty     int
	expires time.Time
}

type reserveReq struct {
	sku   string
	qty   int
	ttl   time.Duration
	reply chan error
}

type stockReq struct {
	sku   string
	reply chan int
}

// Store tracks stock levels and short-lived reservations for a process.
type Store struct {
	reserves chan reserveReq
	queries  chan stockReq
	stock    map[string]int
	holds    []hold
}

var defaultStore = newStore(map[string]int{"widget": 10, "gadget": 3})

func newStore(initial map[string]int) *Store {
	s := &Store{
		reserves: make(chan reserveReq),
		queries:  make(chan stockReq),
		stock:    initial,
	}
	go s.serve()
	return s
}

func (s *Store) serve() {
	sweep := time.NewTicker(time.Second)
	defer sweep.Stop()
	for {
		select {
		case req, ok := <-s.reserves:
			if !ok {
				return
			}
			if s.stock[req.sku] < req.qty {
				req.reply <- ErrOutOfStock
				continue
			}
			s.stock[req.sku] -= req.qty
			s.holds = append(s.holds, hold{req.sku, req.qty, time.Now().Add(req.ttl)})
			req.reply <- nil
		case q, ok := <-s.queries:
			if !ok {
				return
			}
			q.reply <- s.stock[q.sku]
		case now := <-sweep.C:
			kept := s.holds[:0]
			for _, h := range s.holds {
				if now.After(h.expires) {
					s.stock[h.sku] += h.qty
					continue
				}
				kept = append(kept, h)
			}
			s.holds = kept
		}
	}
}

// Reserve holds qty units of sku for ttl.
func (s *Store) Reserve(sku string, qty int, ttl time.Duration) error {
	req := reserveReq{sku: sku, qty: qty, ttl: ttl, reply: make(chan error, 1)}
	s.reserves <- req
	return <-req.reply
}

// Available reports the unreserved stock of sku.
func (s *Store) Available(sku string) int {
	q := stockReq{sku: sku, reply: make(chan int, 1)}
	s.queries <- q
	return <-q.reply
}

// Reserve reserves stock in the process-wide store.
func Reserve(sku string, qty int, ttl time.Duration) error {
	return defaultStore.Reserve(sku, qty, ttl)
}

// Available queries the process-wide store.
func Available(sku string) int { return defaultStore.Available(sku) }
