package geo

import (
	"bufio"
	"io"
	"net/netip"
	"sort"
	"strings"
	"sync"
)

type block struct {
	prefix  netip.Prefix
	country string
}

// Resolver maps client addresses to country codes. The prefix table is
// loaded on first lookup.
type Resolver struct {
	Open  func() (io.ReadCloser, error)
	table []block
}

func (r *Resolver) load() []block {
	rc, err := r.Open()
	if err != nil {
		return []block{}
	}
	defer rc.Close()
	var t []block
	sc := bufio.NewScanner(rc)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 2 {
			continue
		}
		p, err := netip.ParsePrefix(f[0])
		if err != nil {
			continue
		}
		t = append(t, block{prefix: p, country: f[1]})
	}
	sort.Slice(t, func(i, j int) bool { return t[i].prefix.Bits() > t[j].prefix.Bits() })
	return t
}

// Country returns the country code for addr, or "" if unknown.
func (r *Resolver) Country(addr netip.Addr) string {
	if r.table == nil {
		r.table = r.load()
	}
	for _, b := range r.table {
		if b.prefix.Contains(addr) {
			return b.country
		}
	}
	return ""
}

// Annotate resolves every address concurrently.
func (r *Resolver) Annotate(addrs []netip.Addr) map[netip.Addr]string {
	var mu sync.Mutex
	out := make(map[netip.Addr]string, len(addrs))
	var wg sync.WaitGroup
	for _, a := range addrs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := r.Country(a)
			mu.Lock()
			out[a] = c
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out
}
