// guide §4.4: sync.Cond producer/consumer; main sleeps instead of joining.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)

	queue := []int{}
	done := false

	go func() {
		for i := 1; i <= 3; i++ {
			mu.Lock()
			queue = append(queue, i)
			fmt.Printf("[Producer] Added %d\n", i)
			cond.Signal()
			mu.Unlock()
		}
		mu.Lock()
		done = true
		cond.Broadcast()
		mu.Unlock()
	}()

	go func() {
		mu.Lock()
		for !done {
			if len(queue) == 0 && !done {
				fmt.Println("[Consumer] Waiting...")
				cond.Wait()
			}
			if len(queue) > 0 {
				item := queue[0]
				queue = queue[1:]
				fmt.Printf("[Consumer] Got %d\n", item)
			}
		}
		mu.Unlock()
	}()

	time.Sleep(2 * time.Second) // want `goroutine started at line 31`
}
