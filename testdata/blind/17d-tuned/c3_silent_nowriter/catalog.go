package catalog

import (
	"strings"
	"sync"
)

type Product struct {
	SKU   string
	Title string
	Tags  []string
}

type Catalog struct {
	mu    sync.RWMutex
	bySKU map[string]Product
}

func Build(items []Product) *Catalog {
	c := &Catalog{bySKU: make(map[string]Product, len(items))}
	for _, p := range items {
		c.bySKU[p.SKU] = p
	}
	return c
}

func (c *Catalog) Get(sku string) (Product, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p, ok := c.bySKU[sku]
	return p, ok
}

func (c *Catalog) Related(skus []string) map[string][]string {
	c.mu.RLock()
	defer c.mu.RUnlock()

	var wg sync.WaitGroup
	var outMu sync.Mutex
	out := make(map[string][]string, len(skus))
	for _, sku := range skus {
		wg.Add(1)
		go func(sku string) {
			defer wg.Done()
			base, ok := c.Get(sku)
			if !ok {
				return
			}
			var rel []string
			for _, tag := range base.Tags {
				if other, ok := c.Get(strings.ToUpper(tag)); ok {
					rel = append(rel, other.SKU)
				}
			}
			outMu.Lock()
			out[sku] = rel
			outMu.Unlock()
		}(sku)
	}
	wg.Wait()
	return out
}
