package router

import (
	"net/netip"
	"sync"
)

func ResolveAll(t *Table, dsts []netip.Addr) map[netip.Addr]netip.Addr {
	out := make(map[netip.Addr]netip.Addr, len(dsts))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, d := range dsts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, ok := t.Lookup(d)
			if !ok {
				return
			}
			mu.Lock()
			out[d] = r.NextHop
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out
}
