// Command counter ranges over a channel it closes: the consumer ends,
// and the sleep stands in for waiting for it.
package main

import (
	"fmt"
	"time"
)

func main() {
	nums := make(chan int)
	go func() {
		sum := 0
		for n := range nums {
			sum += n
		}
		fmt.Println("sum", sum)
	}()
	for i := 0; i < 10; i++ {
		nums <- i
	}
	close(nums)
	time.Sleep(time.Second) // want `time.Sleep used to wait for a goroutine started at line 12`
}
