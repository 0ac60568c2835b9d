package handover

import (
	"errors"
	"sync"
)

// Dict is what Index.Terms returns: the index stays read-locked until
// the caller closes it.
type Dict interface {
	Next() (string, bool)
	Close() error
}

type Index struct {
	mu    sync.RWMutex
	open  bool
	terms []string
	seq   int
}

type indexDict struct {
	index *Index
	pos   int
}

func (d *indexDict) Next() (string, bool) {
	if d.pos >= len(d.index.terms) {
		return "", false
	}
	d.pos++
	return d.index.terms[d.pos-1], true
}

func (d *indexDict) Close() error {
	defer d.index.mu.RUnlock()
	d.pos = len(d.index.terms)
	return nil
}

// Terms hands the read lock to the Dict it returns as an interface,
// whose Close releases it. Correct.
func (x *Index) Terms() (Dict, error) {
	x.mu.RLock()
	if !x.open {
		x.mu.RUnlock()
		return nil, errors.New("closed")
	}
	return &indexDict{index: x}, nil
}

// Sorted returns the handle from a variable set on two branches.
// Correct.
func (x *Index) Sorted(skipFirst bool) (Dict, error) {
	x.mu.RLock()
	if !x.open {
		x.mu.RUnlock()
		return nil, errors.New("closed")
	}
	var d Dict
	if skipFirst {
		d = &indexDict{index: x, pos: 1}
	} else {
		d = &indexDict{index: x}
	}
	return d, nil
}

// Batch holds the mutex itself, not the index: Done unlocks it.
type Batch struct {
	mu   *sync.RWMutex
	base int
}

func (b *Batch) Done() { b.mu.Unlock() }

// Begin fills the batch with the address of the very mutex it holds.
// Correct.
func (x *Index) Begin() (*Batch, error) {
	x.mu.Lock()
	if !x.open {
		x.mu.Unlock()
		return nil, errors.New("closed")
	}
	return &Batch{mu: &x.mu, base: x.seq}, nil
}

type Other struct {
	mu sync.RWMutex
}

var shared Other

// BeginElsewhere returns a batch that holds another mutex: its Done
// does not release x.mu.
func (x *Index) BeginElsewhere() (*Batch, error) {
	x.mu.Lock()
	if !x.open {
		x.mu.Unlock()
		return nil, errors.New("closed")
	}
	return &Batch{mu: &shared.mu, base: x.seq}, nil // want `return with x.mu still locked: other paths unlock it`
}

// Count returns a number with the lock still held on one path: no
// handle can release it.
func (x *Index) Count() (int, error) {
	x.mu.RLock()
	if !x.open {
		return 0, errors.New("closed") // want `return with x.mu still read-locked: other paths unlock it`
	}
	n := len(x.terms)
	x.mu.RUnlock()
	return n, nil
}

// Find returns a nil handle on its not-found path with the lock still
// held: nothing can release it.
func (x *Index) Find(term string) (*indexDict, error) {
	x.mu.RLock()
	if !x.open {
		x.mu.RUnlock()
		return nil, errors.New("closed")
	}
	for i, t := range x.terms {
		if t == term {
			return &indexDict{index: x, pos: i}, nil
		}
	}
	return nil, errors.New("not found") // want `return with x.mu still read-locked: other paths unlock it`
}
