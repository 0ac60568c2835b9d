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

// Done marks one producer finished without a value.
func (c *Collector) Done() {
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
func Normalize(batches []Batch) []string {
	c := &Collector{}
	for _, b := range batches {
		c.Begin()
		go func(b Batch) {
			defer c.Done()
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
