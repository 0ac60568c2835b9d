package collector

import (
	"sort"
	"strings"
	"sync"
)

// Collector gathers string results produced by a dynamic set of workers.
type Collector struct {
	wg      sync.WaitGroup
	mu      sync.Mutex
	results []string
}

// Begin registers one more pending producer.
func (c *Collector) Begin() {
	c.wg.Add(1)
}

// Collect records a value and marks one producer finished.
func (c *Collector) Collect(v string) {
	c.mu.Lock()
	c.results = append(c.results, v)
	c.mu.Unlock()
	c.wg.Done()
}

// Results blocks until every registered producer finished.
func (c *Collector) Results() []string {
	c.wg.Wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	out := append([]string(nil), c.results...)
	sort.Strings(out)
	return out
}

// Batch is a group of documents that is expanded into lines.
type Batch struct {
	Name string
	Docs []string
}

// Normalize splits each batch into lines and normalizes them concurrently.
// Each batch is expanded on its own goroutine so large batches do not
// hold up small ones.
func Normalize(batches []Batch) []string {
	c := &Collector{}
	for _, b := range batches {
		go func(b Batch) {
			for _, doc := range b.Docs {
				for _, line := range strings.Split(doc, "\n") {
					if line == "" {
						continue
					}
					c.Begin()
					go func(l string) {
						c.Collect(b.Name + ":" + strings.ToLower(strings.TrimSpace(l)))
					}(line)
				}
			}
		}(b)
	}
	return c.Results()
}
