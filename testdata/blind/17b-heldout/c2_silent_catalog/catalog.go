package catalog

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"sync"
)

type Product struct {
	SKU   string
	Name  string
	Cents int
}

type Catalog struct {
	mu    sync.RWMutex
	bySKU map[string]Product
	names []string
}

func Load(r io.Reader) (*Catalog, error) {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, err
	}
	c := &Catalog{bySKU: make(map[string]Product, len(rows))}
	for _, row := range rows {
		if len(row) < 3 {
			continue
		}
		cents, err := strconv.Atoi(row[2])
		if err != nil {
			return nil, err
		}
		c.bySKU[row[0]] = Product{SKU: row[0], Name: row[1], Cents: cents}
		c.names = append(c.names, strings.ToLower(row[1]))
	}
	return c, nil
}

func (c *Catalog) Price(sku string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p, ok := c.bySKU[sku]
	return p.Cents, ok
}

func (c *Catalog) Total(skus []string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	sum := 0
	for _, s := range skus {
		if cents, ok := c.Price(s); ok {
			sum += cents
		}
	}
	return sum
}

func (c *Catalog) Search(q string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	n := 0
	for _, name := range c.names {
		if strings.Contains(name, strings.ToLower(q)) {
			n++
		}
	}
	return n
}

func (c *Catalog) PriceAll(batches [][]string) []int {
	out := make([]int, len(batches))
	var wg sync.WaitGroup
	for i, b := range batches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = c.Total(b)
		}()
	}
	wg.Wait()
	return out
}
