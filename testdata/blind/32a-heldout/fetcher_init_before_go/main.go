// GOOD: FetchAll builds a fresh fetchRun and calls run once; run initialises r.results, r.err
// and r.pending without the lock before its first go statement, and from then on every access
// (workers and caller) goes through r.mu until wg.Wait returns.
package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

type Getter interface {
	Get(key string) (string, error)
}

type mapGetter map[string]string

func (m mapGetter) Get(key string) (string, error) {
	v, ok := m[key]
	if !ok {
		return "", errors.New("not found")
	}
	return v, nil
}

type fetchRun struct {
	mu      sync.Mutex
	src     Getter
	keys    []string
	workers int
	results map[string]string
	err     error
	pending int
}

func (r *fetchRun) finish(key, val string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pending--
	if err != nil {
		if r.err == nil {
			r.err = fmt.Errorf("get %q: %w", key, err)
		}
		return
	}
	r.results[key] = val
}

func (r *fetchRun) run() error {
	r.results = make(map[string]string, len(r.keys))
	r.err = nil
	r.pending = len(r.keys)
	if r.workers > len(r.keys) {
		r.workers = len(r.keys)
	}

	keys := make(chan string)
	var wg sync.WaitGroup
	for i := 0; i < r.workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range keys {
				v, err := r.src.Get(k)
				r.finish(k, v, err)
			}
		}()
	}
	for _, k := range r.keys {
		keys <- k
	}
	close(keys)
	wg.Wait()
	return r.err
}

// FetchAll looks up every key with up to workers concurrent requests.
func FetchAll(src Getter, keys []string, workers int) (map[string]string, error) {
	r := &fetchRun{src: src, keys: keys, workers: workers}
	if err := r.run(); err != nil {
		return r.results, err
	}
	return r.results, nil
}

func main() {
	src := mapGetter{"region": "eu-west-1", "tier": "gold", "owner": "payments"}
	got, err := FetchAll(src, []string{"region", "tier", "owner", "ttl"}, 3)
	fmt.Println(len(got), "values")
	if err != nil {
		fmt.Println("warning:", strings.TrimSpace(err.Error()))
	}
}
