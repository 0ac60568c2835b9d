// Package good builds, and has one bug.
package good

import "sync"

// Visit calls f on each item concurrently.
func Visit(items []string, f func(string)) {
	var wg sync.WaitGroup
	for _, it := range items {
		go func() {
			wg.Add(1) // finding: waitgroupadd
			defer wg.Done()
			f(it)
		}()
	}
	wg.Wait()
}
