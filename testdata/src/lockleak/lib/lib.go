// Package lib is imported by lockleak/a to exercise facts.
package lib

import "sync"

type Table struct {
	mu sync.Mutex
	m  map[string]int
}

// Acquire returns with t.mu held.
func (t *Table) Acquire() { t.mu.Lock() }

// Release releases t.mu.
func (t *Table) Release() { t.mu.Unlock() }

// Set locks and unlocks t.mu.
func (t *Table) Set(k string, v int) {
	t.mu.Lock()
	t.m[k] = v
	t.mu.Unlock()
}
