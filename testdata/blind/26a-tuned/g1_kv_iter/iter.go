// Correct: Scan hands the read lock to the returned *Iter, whose Close releases it through it.owner.mu; error paths unlock first.
package g1_kv_iter

import (
	"errors"
	"sort"
	"strings"
	"sync"
)

var ErrClosed = errors.New("kv: closed")

// DB is a tiny sorted key/value store.
type DB struct {
	mu     sync.RWMutex
	data   map[string]string
	closed bool
}

func Open() *DB { return &DB{data: make(map[string]string)} }

func (db *DB) Set(k, v string) error {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closed {
		return ErrClosed
	}
	db.data[k] = v
	return nil
}

// Iter walks keys with a given prefix in order. While open it holds the
// database read lock so writers are blocked.
type Iter struct {
	owner *DB
	keys  []string
	pos   int
}

// Scan starts an iteration over keys with prefix. Callers must Close the Iter.
func (db *DB) Scan(prefix string) (*Iter, error) {
	db.mu.RLock()
	if db.closed {
		db.mu.RUnlock()
		return nil, ErrClosed
	}
	var keys []string
	for k := range db.data {
		if strings.HasPrefix(k, prefix) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return &Iter{owner: db, keys: keys, pos: -1}, nil
}

func (it *Iter) Next() bool {
	it.pos++
	return it.pos < len(it.keys)
}

func (it *Iter) Key() string   { return it.keys[it.pos] }
func (it *Iter) Value() string { return it.owner.data[it.keys[it.pos]] }

// Close releases the read lock taken by Scan.
func (it *Iter) Close() error {
	defer it.owner.mu.RUnlock()
	it.keys = nil
	return nil
}

func (db *DB) Close() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.closed = true
	return nil
}
