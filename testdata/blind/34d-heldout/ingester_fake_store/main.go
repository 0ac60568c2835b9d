// BAD: the test waits to receive from the fake store's saved channel, but the fake's
// Save only appends to a slice; nothing ever sends on or closes saved.

// Package ingest parses log lines and persists them as records.
package ingest

import (
	"context"
	"fmt"
	"strings"
)

// Record is a parsed log line.
type Record struct {
	Level   string
	Message string
}

// Store persists records.
type Store interface {
	Save(ctx context.Context, r Record) error
}

// Ingester consumes raw lines and saves parsed records.
type Ingester struct {
	store   Store
	Skipped int
}

// NewIngester returns an Ingester writing to store.
func NewIngester(store Store) *Ingester {
	return &Ingester{store: store}
}

// Parse splits "LEVEL message" into a Record.
func Parse(line string) (Record, error) {
	level, msg, ok := strings.Cut(strings.TrimSpace(line), " ")
	if !ok || level == "" {
		return Record{}, fmt.Errorf("ingest: malformed line %q", line)
	}
	return Record{Level: strings.ToUpper(level), Message: msg}, nil
}

// Run reads lines until in is closed or ctx is done.
func (i *Ingester) Run(ctx context.Context, in <-chan string) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case line, ok := <-in:
			if !ok {
				return nil
			}
			rec, err := Parse(line)
			if err != nil {
				i.Skipped++
				continue
			}
			if err := i.store.Save(ctx, rec); err != nil {
				return err
			}
		}
	}
}
