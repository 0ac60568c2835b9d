// Package handoff: collectors that record, then may tell their starter
// through a function literal they hand to another package's function.
package handoff

import (
	"sort"
	"sync"
)

type batch struct {
	once sync.Once
	done chan struct{}
}

// Sum's collector records the total, then closes done in the literal it
// hands to Once.Do, which runs it there: the read after <-done is
// ordered after the write. Silent.
func Sum(in <-chan int, b *batch) int {
	total := 0
	go func() {
		for v := range in {
			total += v
		}
		b.once.Do(func() { close(b.done) })
	}()
	<-b.done
	return total
}

// Count's collector hands sort.Slice a literal that only compares:
// nothing orders the read after the write.
func Count(in <-chan int) []int {
	var seen []int
	go func() { // want `goroutine may still be running when Count reads the results it records: nothing waits for it`
		for v := range in {
			seen = append(seen, v)
		}
		sort.Slice(seen, func(i, j int) bool { return seen[i] < seen[j] })
	}()
	return seen
}
