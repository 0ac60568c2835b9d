// BAD: Group.Go starts a goroutine whose body performs g.wg.Add(1), i.e. the Add is
// inside the very goroutine it accounts for; Stop's g.wg.Wait() can run before any
// of those goroutines has been scheduled and return immediately.
package main

import (
	"fmt"
	"log"
	"sync"
	"time"
)

// Group runs named background tasks and collects their errors.
type Group struct {
	name string
	mu   sync.Mutex
	errs map[string]error
	wg   sync.WaitGroup
}

func NewGroup(name string) *Group {
	return &Group{name: name, errs: make(map[string]error)}
}

// Go runs fn in the background under the given task name.
func (g *Group) Go(task string, fn func() error) {
	go func() {
		start := time.Now()
		g.wg.Add(1) // want "WaitGroup.Add called"
		defer g.wg.Done()

		err := fn()
		g.mu.Lock()
		g.errs[task] = err
		g.mu.Unlock()
		log.Printf("%s/%s finished in %s", g.name, task, time.Since(start).Round(time.Microsecond))
	}()
}

// Stop waits for every task started with Go and returns their results.
func (g *Group) Stop() map[string]error {
	g.wg.Wait()
	g.mu.Lock()
	defer g.mu.Unlock()
	res := make(map[string]error, len(g.errs))
	for k, v := range g.errs {
		res[k] = v
	}
	return res
}

func warmCache(region string) func() error {
	return func() error {
		time.Sleep(2 * time.Millisecond)
		if region == "" {
			return fmt.Errorf("empty region")
		}
		return nil
	}
}

func main() {
	g := NewGroup("startup")
	for _, region := range []string{"eu-west-1", "us-east-2", ""} {
		g.Go("warm:"+region, warmCache(region))
	}
	g.Go("migrate", func() error {
		time.Sleep(time.Millisecond)
		return nil
	})

	results := g.Stop()
	fmt.Printf("%d tasks reported\n", len(results))
	for task, err := range results {
		fmt.Printf("  %-16s err=%v\n", task, err)
	}
}
