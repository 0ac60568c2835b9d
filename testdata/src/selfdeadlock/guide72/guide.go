// guide §7.2: the four DEADLOCKS examples.
package main

import "context"

// guide §7.2 DEADLOCK 1: circular wait.
func deadlock1() {
	ch1 := make(chan int)
	ch2 := make(chan int)

	go func() {
		val := <-ch2 // want `circular wait: the goroutines that send on ch2 first wait for this one`
		ch1 <- val
	}()

	go func() {
		val := <-ch1 // want `circular wait: the goroutines that send on ch1 first wait for this one`
		ch2 <- val
	}()
}

// guide §7.2 FIX 1
func noDeadlock1() {
	ch := make(chan int)

	go func() {
		ch <- 42
	}()

	val := <-ch
	println(val)
}

// guide §7.2 DEADLOCK 2: a send on a closed channel panics; that is
// sendafterclose's report, not a blocking one.
func deadlock2() {
	ch := make(chan int)
	close(ch)

	ch <- 42
}

// guide §7.2 FIX 2: the select can only end through ctx.Done(), and
// cancel runs after it (a hidden bug of the guide). Operations in a
// select are not reported: silent, a known limitation.
func noDeadlock2() {
	ch := make(chan int)
	ctx, cancel := context.WithCancel(context.Background())

	select {
	case ch <- 42:
	case <-ctx.Done():
		return
	}

	cancel()
}

func main() {
	deadlock1()
	noDeadlock1()
	noDeadlock2()
	deadlock2()
}
