// Package main is a stress tool: main starts a writer service that
// drains requests for as long as the process runs. Its channel is never
// closed, but main's return ends the process, and the writer with it.
package main

import (
	"fmt"
	"sync"
)

type request struct {
	key, value string
	done       chan error
}

func main() {
	writeReq := make(chan request)
	go func() { // silent: started once by main, which ends it by returning
		for r := range writeReq {
			fmt.Println("write", r.key)
			r.done <- nil
		}
	}()

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			done := make(chan error)
			writeReq <- request{key: fmt.Sprint(i), value: "v", done: done}
			<-done
		}(i)
	}
	wg.Wait()
	startIndexer()
}

// startIndexer starts its own drainer and returns: the drainer waits
// for a close that never comes while the process goes on.
func startIndexer() {
	jobs := make(chan string)
	go func() {
		for j := range jobs { // want `goroutine never terminates: jobs is never closed`
			fmt.Println("index", j)
		}
	}()
	jobs <- "a"
	jobs <- "b"
}
