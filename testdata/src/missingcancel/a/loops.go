package a

import (
	"context"
	"log"
	"os"
	"testing"
	"time"
)

// --- bad ---

// continue skips the cancel at the end of the iteration.
func perItemContinue(parent context.Context, items []string) {
	for _, it := range items {
		ctx, cancel := context.WithTimeout(parent, time.Second) // want `the cancel function returned by context.WithTimeout is not called on all paths`
		if it == "" {
			continue
		}
		_ = work(ctx)
		cancel()
	}
}

// break leaves the loop with the last cancel uncalled.
func perItemBreak(parent context.Context, items []string) {
	for range items {
		ctx, cancel := context.WithCancel(parent) // want `is not called on all paths`
		if work(ctx) != nil {
			break
		}
		cancel()
	}
}

// Methods and generic functions are checked like any other.
type server struct{ timeout time.Duration }

func (s *server) handle(parent context.Context, req string) error {
	ctx, cancel := context.WithTimeout(parent, s.timeout) // want `is not called on all paths`
	if req == "" {
		return nil
	}
	defer cancel()
	return work(ctx)
}

func firstOf[T comparable](parent context.Context, xs []T, zero T) T {
	ctx, cancel := context.WithCancel(parent) // want `is not called on all paths`
	for _, x := range xs {
		if x != zero {
			return x
		}
	}
	cancel()
	_ = work(ctx)
	return zero
}

// A goroutine's own context must be released by the goroutine.
func goroutineLeaks(parent context.Context) {
	go func() {
		ctx, cancel := context.WithTimeout(parent, time.Second) // want `is never called`
		_ = work(ctx)
		_ = cancel
	}()
}

// --- good ---

func perItem(parent context.Context, items []string) {
	for _, it := range items {
		ctx, cancel := context.WithTimeout(parent, time.Second)
		if it == "" {
			cancel()
			continue
		}
		_ = work(ctx)
		cancel()
	}
}

func perItemClosure(parent context.Context, items []string) {
	for _, it := range items {
		func() {
			ctx, cancel := context.WithTimeout(parent, time.Second)
			defer cancel()
			if it == "" {
				return
			}
			_ = work(ctx)
		}()
	}
}

// Each iteration cancels the previous iteration's context.
func rolling(parent context.Context, n int) {
	cancel := func() {}
	for i := 0; i < n; i++ {
		cancel()
		var ctx context.Context
		ctx, cancel = context.WithCancel(parent)
		_ = work(ctx)
	}
	cancel()
}

func genericDeferred[T any](parent context.Context, v T) T {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	_ = work(ctx)
	return v
}

func (s *server) serve(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, s.timeout)
	defer cancel()
	return work(ctx)
}

// Paths that never return need no cancel.
func fatal(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	if err := work(ctx); err != nil {
		log.Fatal(err)
	}
	cancel()
}

func exits(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	if work(ctx) != nil {
		os.Exit(1)
	}
	cancel()
}

func helperFatal(tb testing.TB, parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	if err := work(ctx); err != nil {
		tb.Fatal(err)
	}
	cancel()
}

func testFatal(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	if err := work(ctx); err != nil {
		t.Fatalf("work: %v", err)
	}
	cancel()
}

func cleanup(t *testing.T) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return ctx
}

// Both ways out of the loop cancel.
func forever(parent context.Context, ch <-chan int) {
	ctx, cancel := context.WithCancel(parent)
	for v := range ch {
		if v < 0 {
			cancel()
			return
		}
		_ = work(ctx)
	}
	cancel()
}
