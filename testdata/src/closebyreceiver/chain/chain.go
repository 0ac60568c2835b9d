// Package chain covers a close ordered after every send through a
// chain of happens-before edges: each sender calls Done after its last
// send, a second goroutine Waits and then closes done, and the
// receiver closes the data channel only once it received from done.
package chain

import (
	"sync"
	"time"
)

// listen closes vals only in the case of done (prometheus's
// listenGaugeStream).
func listen(vals, result chan float64, done chan struct{}) {
	var sum float64
outer:
	for {
		select {
		case <-done:
			close(vals)
			for v := range vals {
				sum += v
			}
			break outer
		case v := <-vals:
			sum += v
		}
	}
	result <- sum
}

// Every sender calls end.Done after its last send; done is closed
// only after end.Wait: silent.
func sum(n int) float64 {
	var end sync.WaitGroup
	end.Add(n)
	vals := make(chan float64, n*10)
	result := make(chan float64)
	done := make(chan struct{})
	go listen(vals, result, done)
	go func() {
		end.Wait()
		close(done)
	}()
	for range n {
		go func() {
			for j := range 10 {
				vals <- float64(j)
			}
			end.Done()
		}()
	}
	return <-result
}

// The same with a deferred Done, a waiter that is a named helper, and
// a plain receive from done: silent.
func waitThenClose(wg *sync.WaitGroup, done chan struct{}) {
	wg.Wait()
	close(done)
}

func drain(vals chan int, done chan struct{}) int {
	first := <-vals
	<-done
	close(vals)
	for v := range vals {
		first += v
	}
	return first
}

func count(n int) {
	var wg sync.WaitGroup
	vals := make(chan int, n)
	done := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			vals <- i
		}()
	}
	go drain(vals, done)
	go waitThenClose(&wg, done)
}

// The waiter waits on another WaitGroup than the one the senders mark
// Done: nothing orders the sends before the close.
func listenOther(vals, result chan float64, done chan struct{}) {
	var sum float64
	for {
		select {
		case <-done:
			close(vals) // want `vals closed by its receiver while another goroutine sends on it`
			result <- sum
			return
		case v := <-vals:
			sum += v
		}
	}
}

func otherGroup(n int) float64 {
	var end, other sync.WaitGroup
	end.Add(n)
	other.Add(1)
	vals := make(chan float64, n)
	result := make(chan float64)
	done := make(chan struct{})
	go listenOther(vals, result, done)
	go func() {
		other.Wait()
		close(done)
	}()
	other.Done()
	for range n {
		go func() {
			vals <- 1
			end.Done()
		}()
	}
	return <-result
}

// done is closed without waiting for the senders.
func listenNoWait(vals, result chan float64, done chan struct{}) {
	var sum float64
	for {
		select {
		case <-done:
			close(vals) // want `vals closed by its receiver while another goroutine sends on it`
			result <- sum
			return
		case v := <-vals:
			sum += v
		}
	}
}

func noWait(n int) float64 {
	var end sync.WaitGroup
	end.Add(n)
	vals := make(chan float64, n)
	result := make(chan float64)
	done := make(chan struct{})
	go listenNoWait(vals, result, done)
	go func() {
		time.Sleep(time.Second)
		close(done)
	}()
	for range n {
		go func() {
			vals <- 1
			end.Done()
		}()
	}
	return <-result
}

// The receiver also closes vals when it times out, before the senders
// are done.
func listenTimeout(vals, result chan float64, done chan struct{}) {
	var sum float64
	for {
		select {
		case <-done:
			result <- sum
			return
		case <-time.After(time.Second):
			close(vals) // want `vals closed by its receiver while another goroutine sends on it`
			result <- sum
			return
		case v := <-vals:
			sum += v
		}
	}
}

func timeout(n int) float64 {
	var end sync.WaitGroup
	end.Add(n)
	vals := make(chan float64, n)
	result := make(chan float64)
	done := make(chan struct{})
	go listenTimeout(vals, result, done)
	go func() {
		end.Wait()
		close(done)
	}()
	for range n {
		go func() {
			vals <- 1
			end.Done()
		}()
	}
	return <-result
}

// A sender sends once more after its Done: the Wait does not order
// that send.
func listenLate(vals chan int, done chan struct{}) int {
	first := <-vals
	<-done
	close(vals) // want `vals closed by its receiver while another goroutine sends on it`
	for v := range vals {
		first += v
	}
	return first
}

func late(n int) {
	var end sync.WaitGroup
	end.Add(n)
	vals := make(chan int, 2*n)
	done := make(chan struct{})
	go listenLate(vals, done)
	go func() {
		end.Wait()
		close(done)
	}()
	for range n {
		go func() {
			vals <- 1
			end.Done()
			vals <- 2
		}()
	}
}

// The waiter starts another sender after its Wait returned: the Wait
// does not order that sender's sends before close(done).
func listenSecond(vals chan int, done chan struct{}) int {
	first := <-vals
	<-done
	close(vals) // want `vals closed by its receiver while another goroutine sends on it`
	for v := range vals {
		first += v
	}
	return first
}

func secondBatch() {
	var wg sync.WaitGroup
	vals := make(chan int, 4)
	done := make(chan struct{})
	go listenSecond(vals, done)
	go func() {
		wg.Wait()
		wg.Add(1)
		go func() {
			for range 2 {
				vals <- 1
			}
			wg.Done()
		}()
		close(done)
	}()
}
