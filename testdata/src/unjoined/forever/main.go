// Command forever is a demo whose goroutines run for the life of the
// process by design: a subscriber ranging over a channel that a
// publisher loop feeds and nothing closes, a pusher ranging over a
// ticker's channel (Stop does not close it), a server loop selecting
// with no way out. main hands them nothing, sleeps, then returns: none
// of them was ever going to finish. The collector beside them ranges
// over a channel main feeds and closes: it ends, and its last lines
// can be lost; so can the last line of the logger main feeds and never
// closes (unjoined/records has that one too).
package main

import (
	"fmt"
	"log"
	"time"
)

func main() {
	events := make(chan string)
	go func() { // never ends: events is never closed
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
	t := time.NewTicker(time.Second)
	go func() { // never ends: a ticker's channel is never closed
		n := 0
		for range t.C {
			n++
			log.Printf("push %d", n)
		}
	}()
	reqs := make(chan string)
	go func() { // never ends: the loop has no exit
		for {
			select {
			case r := <-reqs:
				fmt.Println("serving", r)
			case <-time.After(time.Minute):
				fmt.Println("idle")
			}
		}
	}()
	go func() {
		for {
			reqs <- "GET /"
			time.Sleep(time.Second)
		}
	}()

	notes := make(chan string)
	go func() { // want `goroutine may still be running when main returns: nothing waits for it, so what it prints can be lost`
		for n := range notes {
			fmt.Println("note", n)
		}
	}()
	notes <- "started"

	results := make(chan int)
	go func() { // want `goroutine may still be running when main returns: nothing waits for it, so what it prints can be lost`
		for r := range results {
			fmt.Println("result", r)
		}
	}()
	for i := 0; i < 3; i++ {
		results <- i
	}
	close(results)
	time.Sleep(time.Second)
}
