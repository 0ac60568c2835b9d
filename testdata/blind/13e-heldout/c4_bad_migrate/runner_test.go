package migrate

import (
	"context"
	"sync"
	"testing"
)

func TestStepsRunOneAtATime(t *testing.T) {
	gate := NewGate(1)
	ctx := context.Background()
	applied := map[string]bool{}

	steps := []Step{
		{Name: "001_users", SQL: "CREATE TABLE users(id int)"},
		{Name: "002_orders", SQL: "CREATE TABLE orders(id int)"},
		{Name: "003_index", SQL: "CREATE INDEX ON orders(id)"},
	}

	var (
		wg      sync.WaitGroup
		current string
		err     error
	)
	for _, s := range steps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			current = s.Name
			lease, aerr := gate.Acquire(ctx, s.Name)
			if aerr != nil {
				return
			}
			defer gate.Release(lease)
			if rerr := s.Run(applied); rerr != nil {
				err = rerr
			}
		}()
	}
	wg.Wait()

	if err != nil {
		t.Fatalf("after %s: %v", current, err)
	}
	if len(applied) != len(steps) {
		t.Fatalf("applied %d steps, want %d", len(applied), len(steps))
	}
}
