// Package counted holds one-shot protocols counted by a collection: a
// goroutine started per element, each sending one result, and a
// collector that receives once per element.
package counted

import (
	"context"
	"errors"
	"strconv"
)

var errMissing = errors.New("missing")

type store struct{ rows map[string]string }

func (s *store) lookup(user string) (string, error) {
	row, ok := s.rows[user]
	if !ok {
		return "", errMissing
	}
	return row, nil
}

// A worker that returns on its error path leaves the collector one
// result short: its last receive blocks.
func (s *store) fetchAll(users []string) []string {
	results := make(chan string)
	for _, u := range users {
		go func(user string) {
			row, err := s.lookup(user)
			if err != nil {
				return // the collector is one result short
			}
			results <- row
		}(u)
	}
	out := make([]string, 0, len(users))
	for range users {
		out = append(out, <-results) // want "receive from results may block forever: the goroutine that sends on it can return without sending"
	}
	return out
}

// Buffered or not, the count is the same; the same over an int.
func squares(ctx context.Context, n int) int {
	res := make(chan int, n)
	for i := range n {
		go func() {
			select {
			case <-ctx.Done():
				return
			default:
			}
			res <- i * i
		}()
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-res // want "receive from res may block forever: the goroutine that sends on it can return without sending"
	}
	return sum
}

// Not reported: every path sends.
func (s *store) fetchAllErr(users []string) []string {
	type result struct {
		row string
		err error
	}
	results := make(chan result)
	for _, u := range users {
		go func(user string) {
			row, err := s.lookup(user)
			if err != nil {
				results <- result{err: err}
				return
			}
			results <- result{row: row}
		}(u)
	}
	var out []string
	for range users {
		if r := <-results; r.err == nil {
			out = append(out, r.row)
		}
	}
	return out
}

// Not reported: the collector counts another collection than the one
// the workers are started for.
func (s *store) fetchSome(users, wanted []string) []string {
	results := make(chan string)
	for _, u := range users {
		go func(user string) {
			row, err := s.lookup(user)
			if err != nil {
				return
			}
			results <- row
		}(u)
	}
	var out []string
	for range wanted {
		out = append(out, <-results)
	}
	return out
}

// Not reported: the collector leaves the loop at the first error, so
// it does not count on every worker.
func parseAll(fields []string) (int, error) {
	type result struct {
		n   int
		err error
	}
	results := make(chan result, len(fields))
	for _, f := range fields {
		go func() {
			n, err := strconv.Atoi(f)
			if err != nil {
				results <- result{err: err}
				return
			}
			results <- result{n: n}
		}()
	}
	sum := 0
	for range fields {
		r := <-results
		if r.err != nil {
			return 0, r.err
		}
		sum += r.n
	}
	return sum, nil
}

// Not reported: the workers are started only for some elements, so
// the count is not the collection's (a different bug, not this one).
func (s *store) fetchNonEmpty(users []string) []string {
	results := make(chan string)
	for _, u := range users {
		if u == "" {
			continue
		}
		go func(user string) {
			row, err := s.lookup(user)
			if err != nil {
				return
			}
			results <- row
		}(u)
	}
	var out []string
	for range users {
		out = append(out, <-results)
	}
	return out
}

// Not reported: the collector waits in a select with a way out.
func (s *store) fetchCtx(ctx context.Context, users []string) []string {
	results := make(chan string)
	for _, u := range users {
		go func(user string) {
			row, err := s.lookup(user)
			if err != nil {
				return
			}
			select {
			case results <- row:
			case <-ctx.Done():
			}
		}(u)
	}
	var out []string
	for range users {
		select {
		case r := <-results:
			out = append(out, r)
		case <-ctx.Done():
			return out
		}
	}
	return out
}

// Not reported: each worker sends per item it finds, in a loop; the
// model does not count those sends.
func (s *store) fetchMany(groups [][]string) []string {
	results := make(chan string)
	for _, g := range groups {
		go func() {
			for _, user := range g {
				row, err := s.lookup(user)
				if err != nil {
					return
				}
				results <- row
			}
		}()
	}
	var out []string
	for range groups {
		out = append(out, <-results)
	}
	return out
}
