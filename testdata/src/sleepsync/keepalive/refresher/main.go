// Command refresher persists an offset on every timer tick, for ever:
// the loop's condition is the constant true, so it has no exit.
package main

import (
	"log"
	"time"
)

func persist() error { return nil }

func main() {
	timer := time.NewTimer(5 * time.Second)
	go func() {
		for ; true; <-timer.C {
			if err := persist(); err != nil {
				log.Printf("persist: %v", err)
			}
			timer.Reset(5 * time.Second)
		}
	}()
	// make the current goroutine hold to see the results
	time.Sleep(10000 * time.Second)
}
