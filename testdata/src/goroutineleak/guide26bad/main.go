// guide §2.6 BAD: the goroutine waits for data nobody sends.
package main

import "time"

func main() {
	ch := make(chan int) // Channel with no sender/receiver

	go func() {
		data := <-ch // want `goroutine blocks forever: nothing sends on or closes ch`
		println(data)
	}()

	time.Sleep(1 * time.Second)
}
