// guide §6.1, §6.2, §6.3: goroutines stopped by a context. Silent.
package main

import (
	"context"
	"fmt"
	"time"
)

// guide §6.1
func doWork(ctx context.Context, workName string) {
	for {
		select {
		case <-ctx.Done():
			err := ctx.Err()
			fmt.Printf("%s: %v\n", workName, err)
			return
		default:
			fmt.Printf("%s: Working...\n", workName)
			time.Sleep(500 * time.Millisecond)
		}
	}
}

func main61() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	go doWork(ctx, "Task1")
	go doWork(ctx, "Task2")
	time.Sleep(3 * time.Second)
	fmt.Println("Done")
}

// guide §6.2
func main62() {
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
	time.Sleep(500 * time.Millisecond)
	fmt.Println("Main done")
}

// guide §6.3
func slowOperation(ctx context.Context) error {
	select {
	case <-time.After(5 * time.Second):
		return fmt.Errorf("operation completed")
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	main61()
	main62()
	deadline := time.Now().Add(2 * time.Second)
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- slowOperation(ctx) }()
	if err := <-errc; err != nil {
		fmt.Printf("Error: %v\n", err)
	}
}
