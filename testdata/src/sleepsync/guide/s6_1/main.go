// guide §6.1: context basics; main sleeps past the timeout.
package main

import (
	"context"
	"fmt"
	"time"
)

func doWork(ctx context.Context, workName string) {
	for {
		select {
		case <-ctx.Done():
			err := ctx.Err()
			fmt.Printf("%s: %v\n", workName, err)
			return
		default:
			fmt.Printf("%s: Working...\n", workName)
			time.Sleep(500 * time.Millisecond) // polling inside the goroutine: silent
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()

	go doWork(ctx, "Task1")
	go doWork(ctx, "Task2")

	time.Sleep(3 * time.Second) // want `goroutine started at line 29`
	fmt.Println("Done")
}
