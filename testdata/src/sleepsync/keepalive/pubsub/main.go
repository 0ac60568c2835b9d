// Command pubsub is a demo whose listeners range over channels nothing
// closes: they never end, and the sleep sets how long the demo runs.
package main

import (
	"fmt"
	"time"
)

func main() {
	events := make(chan string)
	go func() {
		for ev := range events {
			fmt.Println("got", ev)
		}
	}()
	go func() {
		for i := 0; ; i++ {
			events <- fmt.Sprint("event ", i)
			time.Sleep(100 * time.Millisecond)
		}
	}()
	time.Sleep(5 * time.Second)
}
