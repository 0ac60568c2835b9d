// Package fallible: a lock behind an interface whose Lock can fail (a
// storage or lease lock) holds nothing on its error path; a sync.Locker
// held by an interface value is a mutex like any other.
package fallible

import (
	"context"
	"errors"
	"sync"
)

// Storage is a distributed lock: Lock returns an error when it could not
// take the lock, and then nothing is held.
type Storage interface {
	Lock(ctx context.Context, name string) error
	Unlock(ctx context.Context, name string) error
}

type Manager struct {
	storage Storage
	certs   map[string][]byte
}

// Renew returns on Lock's error without unlocking: silent, the lock was
// never taken.
func (m *Manager) Renew(ctx context.Context, name string) error {
	if err := m.storage.Lock(ctx, name); err != nil {
		return err
	}
	defer m.storage.Unlock(ctx, name)
	m.certs[name] = nil
	return nil
}

// Obtain does the same with the error kept in a variable: silent.
func (m *Manager) Obtain(ctx context.Context, name string) error {
	err := m.storage.Lock(ctx, name)
	if err != nil {
		return errors.Join(errors.New("obtain"), err)
	}
	defer func() { _ = m.storage.Unlock(ctx, name) }()
	return nil
}

// Table holds its mutex as a sync.Locker.
type Table struct {
	mu   sync.Locker
	rows map[string]int
}

// Add returns with the locker held on the duplicate path: reported.
func (t *Table) Add(k string) error {
	t.mu.Lock()
	if _, ok := t.rows[k]; ok {
		return errors.New("dup") // want `return with t.mu still locked: other paths unlock it`
	}
	t.rows[k] = 1
	t.mu.Unlock()
	return nil
}

// Get unlocks on every path: silent.
func (t *Table) Get(k string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.rows[k]
}
