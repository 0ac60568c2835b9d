// Command mixed starts a progress ticker that runs for ever beside
// workers that end: the sleep still stands in for waiting for the
// workers.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTicker(time.Second)
	go func() {
		for range t.C {
			fmt.Println("progress")
		}
	}()
	for i := 0; i < 8; i++ {
		go func(i int) {
			for r := 0; r < 200; r++ {
				fmt.Println("worker", i, "request", r)
			}
		}(i)
	}
	time.Sleep(3 * time.Second) // want `time.Sleep used to wait for a goroutine started at line 19`
}
