package guide

import (
	"fmt"
	"sync"
)

// guide §3.5: the sender closes. Correct.
func closingChannels() {
	ch := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			ch <- i
		}
		close(ch) // only sender closes
	}()
	for {
		val, ok := <-ch
		if !ok {
			break
		}
		fmt.Println(val)
	}
}

// guide §3.5 turned around: the receiver closes while the sender still sends.
func receiverCloses() {
	ch := make(chan int)
	go func() {
		for i := 1; ; i++ {
			ch <- i
		}
	}()
	for val := range ch {
		if val == 3 {
			close(ch) // want `ch closed by its receiver while another goroutine sends on it`
		}
	}
}

// guide §5.1: close(resultCh) after wg.Wait() in main, which receives
// nothing before it. Correct.
func workerPool() {
	taskCh := make(chan int)
	resultCh := make(chan int)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range taskCh {
				resultCh <- t * 2
			}
		}()
	}
	go func() {
		for t := 1; t <= 10; t++ {
			taskCh <- t
		}
		close(taskCh)
	}()
	go func() {
		for r := range resultCh {
			fmt.Println(r)
		}
	}()
	wg.Wait()
	close(resultCh)
}

// guide §5.2 fan-in: the closer waits for the senders. Correct.
func fanIn(workers []<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	for _, w := range workers {
		wg.Add(1)
		go func(ch <-chan int) {
			defer wg.Done()
			for val := range ch {
				out <- val
			}
		}(w)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// Collect errors, wait, close, then drain: the common correct pattern.
func collect(n int) []error {
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- nil
		}()
	}
	wg.Wait()
	close(errs)
	var out []error
	for err := range errs {
		out = append(out, err)
	}
	return out
}
