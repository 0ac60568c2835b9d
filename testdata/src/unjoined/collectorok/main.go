// Near misses: the collector is waited for, or its output does not
// depend on what main hands it.
package main

import (
	"fmt"
	"log"
	"os"
	"sync"
	"time"
)

func collect(results chan int) {
	printed := make(chan int)
	go func() { // sends its count when done: main waits for it
		n := 0
		for r := range results {
			fmt.Println(r)
			n++
		}
		printed <- n
	}()
	for i := range 3 {
		results <- i
	}
	close(results)
	fmt.Println(<-printed)
}

func counted(results chan int) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // counted by wg
		defer wg.Done()
		for r := range results {
			fmt.Println(r)
		}
	}()
	results <- 1
	close(results)
	wg.Wait()
}

func main() {
	collect(make(chan int))
	counted(make(chan int))
	go func() { // a hint after a delay: nothing handed over
		time.Sleep(5 * time.Second)
		fmt.Println("still working...")
	}()
	events := make(chan string)
	go func() { // never finishes: a logger for the life of the process
		for {
			log.Print(<-events)
		}
	}()
	events <- "start"
	if len(os.Args) > 1 {
		ch := make(chan int)
		go func() {
			for v := range ch {
				fmt.Println(v)
			}
		}()
		ch <- 1
		log.Fatal("serve for ever") // main never returns normally past here
	}
}
