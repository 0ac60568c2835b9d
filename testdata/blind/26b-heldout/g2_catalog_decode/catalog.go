// Correct: fill writes without c.mu only on the Catalog literal built in LoadCatalog (via decodeCatalog), before LoadCatalog returns it.
package g2_catalog_decode

import (
	"strings"
	"sync"
	"time"
)

type Product struct {
	SKU   string  `json:"sku"`
	Name  string  `json:"name"`
	Price float64 `json:"price"`
}

// Catalog is an in-memory product catalog shared by request handlers.
type Catalog struct {
	mu       sync.RWMutex
	bySKU    map[string]Product
	byPrefix map[string][]string
	version  string
	loadedAt time.Time
}

func (c *Catalog) Lookup(sku string) (Product, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p, ok := c.bySKU[sku]
	return p, ok
}

func (c *Catalog) Search(prefix string) []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return append([]string(nil), c.byPrefix[strings.ToLower(prefix)]...)
}

func (c *Catalog) Upsert(p Product) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.bySKU[p.SKU]; !ok {
		k := prefixKey(p.Name)
		c.byPrefix[k] = append(c.byPrefix[k], p.SKU)
	}
	c.bySKU[p.SKU] = p
}

func (c *Catalog) Version() (string, time.Time) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.version, c.loadedAt
}

// fill installs a decoded product list.
func (c *Catalog) fill(version string, items []Product) {
	c.bySKU = make(map[string]Product, len(items))
	c.byPrefix = make(map[string][]string)
	for _, p := range items {
		c.bySKU[p.SKU] = p
		k := prefixKey(p.Name)
		c.byPrefix[k] = append(c.byPrefix[k], p.SKU)
	}
	c.version = version
	c.loadedAt = time.Now()
}

func prefixKey(name string) string {
	name = strings.ToLower(name)
	if len(name) > 3 {
		name = name[:3]
	}
	return name
}
