package migrate

import (
	"fmt"
	"sync"
)

type Table struct {
	mu   sync.Mutex
	name string
	rows int
}

type Catalog struct {
	mu     sync.Mutex
	tables map[string]*Table
	log    []string
}

func (c *Catalog) add(t *Table) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tables[t.name] = t
}

func (t *Table) backfill(c *Catalog, n int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.rows += n
	c.mu.Lock()
	c.log = append(c.log, fmt.Sprintf("backfill %s +%d", t.name, n))
	c.mu.Unlock()
}

func (c *Catalog) summary() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for name, t := range c.tables {
		t.mu.Lock()
		out = append(out, fmt.Sprintf("%s=%d", name, t.rows))
		t.mu.Unlock()
	}
	return out
}

func Run(names []string, batch int) []string {
	c := &Catalog{tables: map[string]*Table{}}
	var wg sync.WaitGroup
	for _, n := range names {
		t := &Table{name: n}
		c.add(t)
		wg.Add(1)
		go func() {
			defer wg.Done()
			t.backfill(c, batch)
		}()
	}
	wg.Wait()
	return c.summary()
}
