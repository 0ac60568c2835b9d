package main

import (
	"flag"
	"fmt"
	"os"
	"sync"
)

type migration struct {
	name string
	sql  string
}

type runner struct {
	mu       sync.Mutex
	start    *sync.Cond
	applied  []string
	plan     []migration
	finished sync.WaitGroup
}

func newRunner(plan []migration) *runner {
	r := &runner{plan: plan}
	r.start = sync.NewCond(&r.mu)
	return r
}

func (r *runner) applyAll() {
	defer r.finished.Done()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.start.Wait()
	for _, m := range r.plan {
		r.applied = append(r.applied, m.name)
	}
}

func (r *runner) release() {
	r.mu.Lock()
	r.start.Broadcast()
	r.mu.Unlock()
}

func main() {
	dry := flag.Bool("dry-run", false, "print the plan only")
	flag.Parse()

	plan := []migration{
		{"0001_users", "CREATE TABLE users (id INT)"},
		{"0002_orders", "CREATE TABLE orders (id INT)"},
	}
	if *dry {
		for _, m := range plan {
			fmt.Println(m.name)
		}
		return
	}

	r := newRunner(plan)
	r.finished.Add(1)
	go r.applyAll()

	r.release()
	r.finished.Wait()

	fmt.Fprintf(os.Stderr, "applied %d migrations\n", len(r.applied))
}
