package tasks

import (
	"sync"
	"testing"
)

// Near miss: a panic in a test's goroutines fails the test run.
func TestParallel(t *testing.T) {
	var wg sync.WaitGroup
	for _, s := range []string{"a", ""} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := decode(s); err != nil {
				panic(err)
			}
		}()
	}
	wg.Wait()
}
