package g1_migrate_errors

import (
	"context"
	"fmt"
	"sort"
	"sync"
)

// Migration is one named schema step.
type Migration struct {
	Name string
	Up   func(ctx context.Context) error
}

// Migrator applies migrations at most once each, even when several
// replicas call Apply at the same time.
type Migrator struct {
	mu      sync.Mutex
	known   map[string]Migration
	applied map[string]bool
}

// NewMigrator registers the given migrations.
func NewMigrator(ms ...Migration) *Migrator {
	m := &Migrator{known: make(map[string]Migration), applied: make(map[string]bool)}
	for _, mg := range ms {
		m.known[mg.Name] = mg
	}
	return m
}

// Apply runs the named migration unless it already ran.
func (m *Migrator) Apply(ctx context.Context, name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	mg, ok := m.known[name]
	if !ok {
		return fmt.Errorf("migrate: unknown migration %q", name)
	}
	if m.applied[name] {
		return nil
	}
	if err := mg.Up(ctx); err != nil {
		return fmt.Errorf("migrate %s: %w", name, err)
	}
	m.applied[name] = true
	return nil
}

// Applied lists applied migrations in name order.
func (m *Migrator) Applied() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]string, 0, len(m.applied))
	for n := range m.applied {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
