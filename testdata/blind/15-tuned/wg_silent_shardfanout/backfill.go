// SILENT: each table goroutine is counted by wg.Add(1) before it starts and adds its part copies while its own count is still held (Done is deferred), so the counter never touches zero early and Wait cannot return before every part is counted.
package wg_silent_shardfanout

import (
	"fmt"
	"sync"
)

type Table struct {
	Name string
	Rows int
}

type part struct {
	table    string
	from, to int
}

type Backfill struct {
	PartRows int
	Copy     func(table string, from, to int) error

	mu   sync.Mutex
	errs []error
}

func (b *Backfill) Run(tables []Table) error {
	var wg sync.WaitGroup
	for _, t := range tables {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, p := range b.split(t) {
				wg.Add(1)
				go b.copyPart(&wg, p)
			}
		}()
	}
	wg.Wait()
	if len(b.errs) > 0 {
		return fmt.Errorf("backfill: %d parts failed, first: %w", len(b.errs), b.errs[0])
	}
	return nil
}

func (b *Backfill) split(t Table) []part {
	var parts []part
	for from := 0; from < t.Rows; from += b.PartRows {
		parts = append(parts, part{t.Name, from, min(from+b.PartRows, t.Rows)})
	}
	return parts
}

func (b *Backfill) copyPart(wg *sync.WaitGroup, p part) {
	defer wg.Done()
	if err := b.Copy(p.table, p.from, p.to); err != nil {
		b.mu.Lock()
		b.errs = append(b.errs, err)
		b.mu.Unlock()
	}
}
