// guide §2.6 GOOD: the goroutine signals on done, main receives.
package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan struct{})

	go func() {
		fmt.Println("Goroutine working...")
		time.Sleep(1 * time.Second)
		done <- struct{}{}
	}()

	<-done
	fmt.Println("Goroutine finished cleanly")
}
