// Package lockleak holds a lockleak finding in a file a person wrote and
// the same in a generated one, where it is dropped.
package lockleak

import "sync"

type t struct {
	mu sync.Mutex
	n  int
}

func (t *t) Add(d int) error {
	t.mu.Lock()
	if d < 0 {
		return nil // want `.`
	}
	t.n += d
	t.mu.Unlock()
	return nil
}
