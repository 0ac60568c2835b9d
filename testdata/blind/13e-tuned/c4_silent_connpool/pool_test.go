package connpool

import (
	"context"
	"sync"
	"testing"
)

func TestSingleConnIsSerialized(t *testing.T) {
	pool := NewPool(1)
	ctx := context.Background()

	var (
		wg   sync.WaitGroup
		conn *Conn
		err  error
		out  string
	)
	queries := []string{"select 1", "select 2", "select 3", "select 4"}
	for _, q := range queries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conn, err = pool.Acquire(ctx)
			if err != nil {
				return
			}
			out, err = conn.Exec(q)
			pool.Release(conn)
		}()
	}
	wg.Wait()

	if err != nil {
		t.Fatal(err)
	}
	if conn.Calls != len(queries) {
		t.Fatalf("calls = %d, want %d", conn.Calls, len(queries))
	}
	if out == "" {
		t.Fatal("no output")
	}
}
