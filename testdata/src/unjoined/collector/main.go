// main closes the results and returns while the collector may still
// be printing.
package main

import (
	"fmt"
	"sync"
)

func work(n int) int { return n * n }

func main() {
	jobs := make(chan int)
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- work(j)
			}
		}()
	}
	go func() { // want `goroutine may still be running when main returns: nothing waits for it, so what it prints can be lost`
		for r := range results {
			show(r)
		}
	}()
	for i := range 10 {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(results)
}

func show(r int) {
	if r > 0 {
		fmt.Println(r)
	}
}
