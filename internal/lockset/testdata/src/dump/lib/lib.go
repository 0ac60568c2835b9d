// Package lib holds helpers whose summaries reach package dump only
// through Facts.
package lib

import "sync"

// Locked returns with mu held.
func Lock(mu *sync.Mutex) { mu.Lock() }

// Unlock releases the caller's mu.
func Unlock(mu *sync.Mutex) { mu.Unlock() }

// Do locks mu around f, which it calls.
func Do(mu *sync.Mutex, f func()) {
	mu.Lock()
	defer mu.Unlock()
	f()
}

// Store holds a mutex reached from a package variable.
type Store struct {
	mu sync.RWMutex
	m  map[string]int
}

var Default Store

// Get read-locks Default.
func Get(k string) int {
	Default.mu.RLock()
	defer Default.mu.RUnlock()
	return Default.m[k]
}

// Table's mutex is only ever read-locked (a Table is built whole
// before it is shared): its field gets a ReadLockedOnly fact.
type Table struct {
	mu   sync.RWMutex
	rows []string
}

// RLockRows returns with t.mu read-locked; RUnlockRows releases it.
func (t *Table) RLockRows() []string { t.mu.RLock(); return t.rows }
func (t *Table) RUnlockRows()        { t.mu.RUnlock() }

// Len read-locks t.mu.
func (t *Table) Len() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.rows)
}

// Log's mutex is write-locked too, by Append: no fact.
type Log struct {
	mu    sync.RWMutex
	lines []string
}

func (l *Log) RLockLines() []string { l.mu.RLock(); return l.lines }
func (l *Log) RUnlockLines()        { l.mu.RUnlock() }

func (l *Log) Len() int {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return len(l.lines)
}

func (l *Log) Append(s string) {
	l.mu.Lock()
	l.lines = append(l.lines, s)
	l.mu.Unlock()
}
