// guide §2.2: concurrent execution with goroutines.
package main

import (
	"fmt"
	"time"
)

func main() {
	greet := func(name string) {
		for i := 0; i < 3; i++ {
			fmt.Printf("Hello %s (%d)\n", name, i)
			time.Sleep(100 * time.Millisecond) // inside the goroutine: silent
		}
	}

	go greet("Alice")
	go greet("Bob")

	time.Sleep(500 * time.Millisecond) // want `time.Sleep used to wait for a goroutine started at line 18; use a sync.WaitGroup or a channel to wait for it`

	fmt.Println("Done")
}
