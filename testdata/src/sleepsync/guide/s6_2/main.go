// guide §6.2: context cancellation. The first sleep lets the worker run
// before cancel() (its purpose: silent); the second waits for the
// worker to notice the cancellation (reported).
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())

	go func() {
		for {
			select {
			case <-ctx.Done():
				fmt.Println("Goroutine cancelled!")
				return
			default:
				fmt.Println("Working...")
				time.Sleep(500 * time.Millisecond)
			}
		}
	}()

	time.Sleep(2 * time.Second)

	cancel()

	time.Sleep(500 * time.Millisecond) // want `goroutine started at line 15`
	fmt.Println("Main done")
}
