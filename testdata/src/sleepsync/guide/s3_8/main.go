// guide §3.8: select with default, then a sleep "waiting for data".
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan string)

	go func() {
		time.Sleep(2 * time.Second)
		ch <- "Data ready"
	}()

	select {
	case data := <-ch:
		fmt.Println(data)
	default:
		fmt.Println("Channel not ready, doing something else")
	}

	time.Sleep(3 * time.Second) // want `goroutine started at line 12`

	select {
	case data := <-ch:
		fmt.Println(data)
	default:
		fmt.Println("Still not ready")
	}
}
