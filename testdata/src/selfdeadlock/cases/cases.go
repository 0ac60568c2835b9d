// Realistic self-deadlocks and near-misses.
package cases

import (
	"fmt"
	"sync"

	"selfdeadlock/lib"
)

func sendAlone() {
	ch := make(chan int)
	ch <- 42 // want `send on unbuffered channel ch blocks forever: no other goroutine can receive from it`
	fmt.Println(<-ch)
}

func recvAlone() int {
	ch := make(chan int, 1)
	return <-ch // want `receive from ch blocks forever: no other goroutine can send on or close it`
}

func rangeNeverClosed(jobs []int) int {
	results := make(chan int, len(jobs))
	for _, j := range jobs {
		results <- j * 2
	}
	sum := 0
	for r := range results { // want `range over results never ends: it is never closed and no other goroutine uses it`
		sum += r
	}
	return sum
}

// The send is in a helper the function calls.
func put(ch chan<- int, v int) { ch <- v }

func viaHelper() {
	ch := make(chan int)
	put(ch, 1) // want `send on unbuffered channel ch blocks forever`
	<-ch
}

// A closure called synchronously is the same goroutine.
func viaClosure() {
	ch := make(chan string)
	send := func(s string) {
		ch <- s
	}
	send("x") // want `send on unbuffered channel ch blocks forever`
	fmt.Println(<-ch)
}

// Near-misses, silent.

func rangeClosed(jobs []int) int {
	results := make(chan int, len(jobs))
	for _, j := range jobs {
		results <- j * 2
	}
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	return sum
}

func bufferedSendRecv() int {
	ch := make(chan int, 1)
	ch <- 1
	return <-ch
}

func receiverFirst() int {
	ch := make(chan int)
	go func() { ch <- 1 }()
	return <-ch
}

func receiverGoroutine() {
	ch := make(chan int)
	done := make(chan struct{})
	go func() {
		fmt.Println(<-ch)
		close(done)
	}()
	ch <- 1
	<-done
}

func escapes(start func(chan int)) {
	ch := make(chan int)
	start(ch)
	ch <- 1
}

func inSelect() {
	ch := make(chan int)
	select {
	case ch <- 1:
	default:
	}
}

// A goroutine started through a function value we cannot see takes
// the closure: silent.
func viaRunner(run func(func())) {
	ch := make(chan int)
	run(func() { <-ch })
	ch <- 1
}

type server struct {
	reqs chan int
}

// A field: another method may serve it. Silent.
func (s *server) ask() { s.reqs <- 1 }

// A chain, not a cycle: the first goroutine is fed by the function.
func chain() int {
	a := make(chan int)
	b := make(chan int)
	go func() {
		v := <-a
		b <- v
	}()
	a <- 1
	return <-b
}

// Both goroutines wait, but the function feeds one of them.
func fedCycle() {
	ch1 := make(chan int)
	ch2 := make(chan int)
	go func() {
		v := <-ch2
		ch1 <- v
	}()
	go func() {
		v := <-ch1
		ch2 <- v
	}()
	ch1 <- 0
}

// One goroutine sends before it waits: no cycle.
func sendFirst() {
	ch1 := make(chan int)
	ch2 := make(chan int)
	go func() {
		ch1 <- 0
		<-ch2
	}()
	go func() {
		v := <-ch1
		ch2 <- v
	}()
}

func waitInside() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		wg.Wait() // want `sync.WaitGroup.Wait called inside a goroutine counted by the same WaitGroup`
	}()
	wg.Wait()
}

type group struct {
	wg sync.WaitGroup
}

func (g *group) worker() {
	defer g.wg.Done()
	g.wg.Wait() // want `sync.WaitGroup.Wait called inside a goroutine counted by the same WaitGroup`
}

func (g *group) start() {
	g.wg.Add(1)
	go g.worker()
}

// Done before the Wait: it waits for the others only. Silent.
func doneFirst() {
	var wg sync.WaitGroup
	wg.Add(2)
	for range 2 {
		go func() {
			wg.Done()
			wg.Wait()
		}()
	}
	wg.Wait()
}

// Another WaitGroup: silent.
func otherGroup() {
	var inner, outer sync.WaitGroup
	inner.Add(1)
	go func() { defer inner.Done() }()
	outer.Add(1)
	go func() {
		defer outer.Done()
		inner.Wait()
	}()
	outer.Wait()
}

// The same field of another group: the parent's WaitGroup, not the
// one counting this goroutine. Silent.
func (g *group) startChild(parent *group) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		parent.wg.Wait()
	}()
}

// Generic: a private unbuffered channel.
func Generic[T any](v T) T {
	ch := make(chan T)
	ch <- v // want `send on unbuffered channel ch blocks forever`
	return <-ch
}

func GenericOK[T any](v T) T {
	ch := make(chan T)
	go func() { ch <- v }()
	return <-ch
}

// Blocking forever on purpose: silent.
func blockForever() {
	<-make(chan struct{})
}

// Helpers of another package, seen through facts.
func viaLib() int {
	ch := make(chan int)
	lib.Put(ch, 1) // want `send on unbuffered channel ch blocks forever`
	return <-ch
}

// Keep hands the channel to others: silent.
func viaKeep() {
	ch := make(chan int)
	lib.Keep(ch, 1)
}

// A buffer of 1 holds the first send; the second blocks forever.
func fullBuffer() int {
	ch := make(chan int, 1)
	ch <- 1
	ch <- 2 // want `send on ch blocks forever: its buffer of 1 is full and no other goroutine can receive from it`
	return <-ch
}

// Two sends fit a buffer of 2.
func bufferFits() int {
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	return <-ch + <-ch
}

// A receive between the sends makes room.
func bufferDrained() int {
	ch := make(chan int, 1)
	ch <- 1
	v := <-ch
	ch <- v + 1
	return <-ch
}

// The first send may not run: the buffer is not certainly full.
func bufferMaybe(first bool) int {
	ch := make(chan int, 1)
	if first {
		ch <- 1
	}
	ch <- 2
	return <-ch
}

// Sends in a loop that receives each time: never full.
func bufferLoop(n int) int {
	ch := make(chan int, 1)
	sum := 0
	for i := 0; i < n; i++ {
		ch <- i
		sum += <-ch
	}
	return sum
}
