package main

import (
	"fmt"
	"log"
	"sync"
)

type Job struct {
	ID    int
	Input []int
}

// checksum panics on an empty input, as the legacy encoder did.
func checksum(in []int) int {
	sum := in[0]
	for _, v := range in[1:] {
		sum = sum*31 + v
	}
	return sum
}

type Batch struct {
	mu   sync.Mutex
	sums map[int]int
}

func (b *Batch) Run(jobs []Job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func(j Job) {
			defer func() {
				if r := recover(); r != nil {
					log.Printf("job %d failed: %v", j.ID, r)
				}
			}()
			s := checksum(j.Input)
			b.mu.Lock()
			b.sums[j.ID] = s
			b.mu.Unlock()
			wg.Done()
		}(j)
	}
	wg.Wait()
}

func main() {
	b := &Batch{sums: make(map[int]int)}
	b.Run([]Job{
		{ID: 1, Input: []int{1, 2, 3}},
		{ID: 2, Input: nil},
		{ID: 3, Input: []int{4}},
	})
	fmt.Println(len(b.sums), "checksums")
}
