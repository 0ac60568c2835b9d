// Correct: Begin hands the exclusive lock to the *Batch (via its mu *sync.Mutex field) on every non-error branch; Commit/Rollback unlock it.
package g3_batch_writer

import (
	"errors"
	"sync"
	"time"
)

// Table is a small table of rows guarded by a single writer lock.
type Table struct {
	mu       sync.Mutex
	rows     map[int64]string
	nextID   int64
	readOnly bool
	log      []string
}

func NewTable() *Table { return &Table{rows: map[int64]string{}, nextID: 1} }

// Batch collects inserts and applies them atomically on Commit.
type Batch struct {
	mu      *sync.Mutex
	t       *Table
	pending []string
	started time.Time
	audit   bool
	closed  bool
}

// Begin locks the table for writing. The caller must Commit or Rollback.
func (t *Table) Begin(audit bool) (*Batch, error) {
	t.mu.Lock()
	if t.readOnly {
		t.mu.Unlock()
		return nil, errors.New("table is read-only")
	}
	var b *Batch
	if audit {
		b = &Batch{mu: &t.mu, t: t, audit: true, started: time.Now()}
		t.log = append(t.log, "begin audited batch")
	} else {
		b = &Batch{mu: &t.mu, t: t, started: time.Now()}
	}
	return b, nil
}

func (b *Batch) Insert(row string) { b.pending = append(b.pending, row) }

// Commit applies the batch and releases the table lock.
func (b *Batch) Commit() ([]int64, error) {
	if b.closed {
		return nil, errors.New("batch already finished")
	}
	b.closed = true
	defer b.mu.Unlock()
	ids := make([]int64, 0, len(b.pending))
	for _, r := range b.pending {
		id := b.t.nextID
		b.t.nextID++
		b.t.rows[id] = r
		ids = append(ids, id)
	}
	if b.audit {
		b.t.log = append(b.t.log, "commit")
	}
	return ids, nil
}

// Rollback discards the batch and releases the table lock.
func (b *Batch) Rollback() {
	if b.closed {
		return
	}
	b.closed = true
	b.pending = nil
	b.mu.Unlock()
}
