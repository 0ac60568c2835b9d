// guide §2.4: waiting with sync.WaitGroup; the workers sleep, main does not.
package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Printf("[%d] Starting\n", id)
	time.Sleep(2 * time.Second)
	fmt.Printf("[%d] Finished\n", id)
}

func main() {
	var wg sync.WaitGroup
	numWorkers := 3
	wg.Add(numWorkers)
	for i := 1; i <= numWorkers; i++ {
		go worker(i, &wg)
	}
	wg.Wait()
	fmt.Println("All workers finished!")
}

// A sleep after the join only delays: silent.
func delayedExit() {
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(1, &wg)
	wg.Wait()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("bye")
}

// A sleep before the join is wasted but harmless: silent.
func sleepThenWait() {
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(1, &wg)
	time.Sleep(10 * time.Millisecond)
	wg.Wait()
}
