// Package tasks decodes sources concurrently.
package tasks

import (
	"fmt"
	"sync"
)

// Sizes measures each source in its own goroutine and waits for all of
// them, as isolated tasks: yet an empty source crashes the program.
func Sizes(srcs []string) []int {
	out := make([]int, len(srcs))
	var wg sync.WaitGroup
	for i, s := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if s == "" {
				panic(fmt.Sprintf("source %d is empty", i)) // finding: goroutinepanic
			}
			out[i] = len(s)
		}()
	}
	wg.Wait()
	return out
}
