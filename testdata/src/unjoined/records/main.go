// main reads what a collector records without waiting for it, and
// exits through os.Exit.
package main

import (
	"fmt"
	"os"
	"sync"
)

func main() {
	results := make(chan int)
	var all []int
	go func() { // want `goroutine may still be running when main reads the results it records: nothing waits for it`
		for r := range results {
			all = append(all, r)
		}
	}()
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- i
		}()
	}
	wg.Wait()
	close(results)
	fmt.Println(len(all))

	lines := make(chan string)
	go func() { // want `goroutine may still be running when main returns: nothing waits for it, so what it prints can be lost`
		for l := range lines {
			fmt.Fprintln(os.Stderr, l)
		}
	}()
	lines <- "bye"
	os.Exit(0)
}
