// guide §7.1: the four examples of GOROUTINE LEAKS.
package main

import "context"

// guide §7.1 LEAK 1
func leak1() {
	ch := make(chan int)

	go func() {
		val := <-ch // want `goroutine blocks forever: nothing sends on or closes ch`
		println(val)
	}()
}

// guide §7.1 FIX 1: ctx.Done() ends the wait.
func noLeak1() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	ch := make(chan int)

	go func() {
		select {
		case val := <-ch:
			println(val)
		case <-ctx.Done():
			return
		}
	}()
}

// guide §7.1 LEAK 2
func leak2() {
	for i := 0; i < 1000000; i++ {
		go func() { // want `goroutine never terminates: its loop has no exit`
			for {
			}
		}()
	}
}

// guide §7.1 "FIX 2" is itself a leak: taskCh is never closed, so
// the ten workers wait forever once the tasks run out.
func noLeak2() {
	taskCh := make(chan int)

	for w := 0; w < 10; w++ {
		go func() {
			for range taskCh { // want `goroutine never terminates: taskCh is never closed`
			}
		}()
	}

	for i := 0; i < 1000000; i++ {
		taskCh <- i
	}
}

// The repaired FIX 2: close the channel after the last task.
func fixed2() {
	taskCh := make(chan int)
	for w := 0; w < 10; w++ {
		go func() {
			for range taskCh {
			}
		}()
	}
	for i := 0; i < 1000000; i++ {
		taskCh <- i
	}
	close(taskCh)
}

// A server loop in a main package is meant to live for the whole
// process: silent.
func serve(requests chan string) {
	go func() {
		for {
			r := <-requests
			println(r)
		}
	}()
}

func main() {
	leak1()
	noLeak1()
	leak2()
	noLeak2()
	fixed2()
	reqs := make(chan string)
	serve(reqs)
	for {
		reqs <- "ping" // main's own loop: silent
	}
}
