// Correct: firstErr is written only on the error path, and the test fails whenever it was written, so any race on it can only happen in an already-failing test.
package g1_migrate_errors

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
)

func TestApplyConcurrentReplicas(t *testing.T) {
	var runs atomic.Int32
	up := func(context.Context) error { runs.Add(1); return nil }
	m := NewMigrator(
		Migration{Name: "001_users", Up: up},
		Migration{Name: "002_orders", Up: up},
		Migration{Name: "003_index", Up: up},
	)
	names := []string{"001_users", "002_orders", "003_index"}

	const replicas = 6
	var (
		wg       sync.WaitGroup
		firstErr error
	)
	for r := 0; r < replicas; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, n := range names {
				if err := m.Apply(context.Background(), n); err != nil {
					firstErr = err
					return
				}
			}
		}()
	}
	wg.Wait()

	if firstErr != nil {
		t.Fatal(firstErr)
	}
	if got := runs.Load(); got != int32(len(names)) {
		t.Errorf("migrations ran %d times, want %d", got, len(names))
	}
	if got := m.Applied(); len(got) != len(names) {
		t.Errorf("Applied() = %v", got)
	}
}

func TestApplyUnknown(t *testing.T) {
	m := NewMigrator()
	if err := m.Apply(context.Background(), "nope"); err == nil {
		t.Fatal("expected error for unknown migration")
	}
}
