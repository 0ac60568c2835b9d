// Command pusher pushes a metric on every tick; ranging over a ticker's
// channel never ends, since Stop does not close it.
package main

import (
	"fmt"
	"time"
)

func push(v int) { fmt.Println("push", v) }

func main() {
	t := time.NewTicker(time.Second)
	go func() {
		n := 0
		for range t.C {
			n++
			push(n)
		}
	}()
	refresh := time.NewTimer(time.Minute)
	go func() {
		for ; ; <-refresh.C {
			fmt.Println("refresh")
			refresh.Reset(time.Minute)
		}
	}()
	time.Sleep(24 * time.Hour)
}
