// guide §2.3: goroutine lifecycle; the guide itself says this does not work.
package main

import (
	"fmt"
	"time"
)

func worker(id int, name string) {
	fmt.Printf("[%d] Starting\n", id)
	time.Sleep(2 * time.Second) // the goroutine's own work: silent
	fmt.Printf("[%d] Finished\n", id)
}

func main() {
	go worker(1, "Task-A")
	go worker(2, "Task-B")

	time.Sleep(1 * time.Second) // want `goroutine started at line 17`
	fmt.Println("Main exiting...")
}
