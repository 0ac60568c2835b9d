package testdrain

import (
	"sync"
	"testing"
)

// The reader drains every transaction the writers send and then waits
// for a close nobody makes: it cannot hang the test, and it lives no
// longer than the test binary.
func TestConcurrentFinish(t *testing.T) {
	const writers = 20
	c := make(chan int)
	for i := 0; i < writers; i++ {
		go func() { c <- i }()
	}
	var wg sync.WaitGroup
	wg.Add(writers)
	go func() {
		for n := range c {
			go func() {
				defer wg.Done()
				new(Tracker).Finish(n)
			}()
		}
	}()
	wg.Wait()
}

// A helper the test calls starts the reader and returns: the helper is
// a function like any other, and its reader waits for good.
func startReader(c chan int, wg *sync.WaitGroup) {
	go func() {
		for n := range c {
			new(Tracker).Finish(n)
			wg.Done()
		}
	}()
}

func TestHelperReader(t *testing.T) {
	c := make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	startReader(c, &wg) // want `goroutine never terminates: c is never closed, so receiving from it never ends \(in the goroutine that startReader starts\)`
	c <- 1
	wg.Wait()
}

// A benchmark runs again for each b.N it tries: one reader more each time.
func BenchmarkFinish(b *testing.B) {
	c := make(chan int)
	go func() {
		for n := range c { // want `goroutine never terminates: c is never closed, so receiving from it never ends`
			new(Tracker).Finish(n)
		}
	}()
	for i := 0; i < b.N; i++ {
		c <- i
	}
}

// The test acknowledges for the rest of its run: the loop parks on the
// channel once the test is over.
func TestAckForever(t *testing.T) {
	acks := make(chan int)
	go func() {
		for {
			<-acks
		}
	}()
	acks <- 1
}

// A loop that waits on nothing burns a CPU for the rest of the binary.
func TestSpin(t *testing.T) {
	go func() { // want `goroutine never terminates: its loop has no exit`
		for {
		}
	}()
}

// Started by a helper: a function like any other.
func startAcker(acks chan int) {
	go func() { // want `goroutine never terminates: its loop has no exit`
		for {
			<-acks
		}
	}()
}

func TestHelperAcker(t *testing.T) {
	acks := make(chan int)
	startAcker(acks)
	acks <- 1
}
