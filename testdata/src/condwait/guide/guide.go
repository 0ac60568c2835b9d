// Package guide replicates the sync.Cond example of the concurrency
// guide, §4.4, and its repair.
package guide

import (
	"fmt"
	"sync"
	"time"
)

// guide §4.4, as printed: the consumer waits under if. It is the only
// goroutine that waits on cond and the only one that takes items out
// of queue, and the producer appends or sets done before every Signal
// and Broadcast: when Wait returns, queue is not empty or done is
// set, so the if is enough (issue #13, class 6). Silent. The guide's
// real bug is elsewhere: the consumer stops once done is set and
// drops the items still queued.
func Guide() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)

	queue := []int{}
	done := false

	// Producer
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

	// Consumer
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

	time.Sleep(2 * time.Second)
}

// guide §4.4, repaired: the consumer re-checks in a loop and drains
// the queue before it stops.
func GuideFixed() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)

	queue := []int{}
	done := false
	var wg sync.WaitGroup

	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 1; i <= 3; i++ {
			mu.Lock()
			queue = append(queue, i)
			cond.Signal()
			mu.Unlock()
		}
		mu.Lock()
		done = true
		cond.Broadcast()
		mu.Unlock()
	}()

	go func() {
		defer wg.Done()
		mu.Lock()
		defer mu.Unlock()
		for {
			for len(queue) == 0 && !done {
				cond.Wait()
			}
			if len(queue) == 0 {
				return
			}
			item := queue[0]
			queue = queue[1:]
			fmt.Printf("[Consumer] Got %d\n", item)
		}
	}()
	wg.Wait()
}
