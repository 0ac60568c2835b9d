// GOOD: the result channel has capacity 1, so the worker's send completes even after
// Query has given up on the timeout; the goroutine exits and is collected.
package main

import (
	"errors"
	"fmt"
	"time"
)

var ErrQueryTimeout = errors.New("query timed out")

type Row struct {
	ID   int
	Name string
}

type queryResult struct {
	rows []Row
	err  error
}

type Store struct {
	timeout time.Duration
	load    func() ([]Row, error)
}

func NewStore(load func() ([]Row, error)) *Store {
	return &Store{timeout: 250 * time.Millisecond, load: load}
}

// Query runs the loader but does not wait longer than s.timeout for it.
func (s *Store) Query() ([]Row, error) {
	done := make(chan queryResult, 1)
	go func() {
		rows, err := s.load()
		done <- queryResult{rows: rows, err: err}
	}()

	timer := time.NewTimer(s.timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.rows, r.err
	case <-timer.C:
		return nil, ErrQueryTimeout
	}
}

func main() {
	slow := NewStore(func() ([]Row, error) {
		time.Sleep(time.Second)
		return []Row{{1, "alice"}}, nil
	})
	if _, err := slow.Query(); err != nil {
		fmt.Println("slow:", err)
	}

	fast := NewStore(func() ([]Row, error) {
		return []Row{{2, "bob"}, {3, "carol"}}, nil
	})
	rows, err := fast.Query()
	fmt.Println("fast:", rows, err)
}
