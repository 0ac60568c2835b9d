package main

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

var errUnavailable = errors.New("service unavailable")

// flakyService fails the first few calls for every key.
type flakyService struct {
	mu     sync.Mutex
	misses map[string]int
	calls  atomic.Int64
}

func (s *flakyService) Get(key string) (string, error) {
	s.calls.Add(1)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.misses[key] < 2 {
		s.misses[key]++
		return "", errUnavailable
	}
	return "value-of-" + key, nil
}

// getWithRetry retries transient failures with exponential backoff.
func getWithRetry(svc *flakyService, key string, attempts int) (string, error) {
	backoff := 500 * time.Microsecond
	var err error
	for i := 0; i < attempts; i++ {
		var v string
		v, err = svc.Get(key)
		if err == nil {
			return v, nil
		}
		time.Sleep(backoff)
		backoff *= 2
	}
	return "", fmt.Errorf("get %s: %w", key, err)
}

func main() {
	svc := &flakyService{misses: make(map[string]int)}
	keys := []string{"user:1", "user:2", "cart:7", "session:abc"}
	values := make(map[string]string, len(keys))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := getWithRetry(svc, k, 5)
			if err != nil {
				v = "<" + err.Error() + ">"
			}
			mu.Lock()
			values[k] = v
			mu.Unlock()
		}()
	}
	wg.Wait()
	for _, k := range keys {
		fmt.Printf("%s => %s\n", k, values[k])
	}
	fmt.Println("total calls:", svc.calls.Load())
}
