// Operations whose partner goroutine is started only after them: the
// operation blocks before that goroutine exists.
package late

import "errors"

// The result is sent before the collector is started.
func publish(compute func() int, store func(int)) {
	results := make(chan int)
	results <- compute() // want `send on unbuffered channel results blocks forever: the goroutine that receives from it starts only after the send`
	go func() {
		store(<-results)
	}()
}

// The second job does not fit in the buffer, and the worker is started
// below.
func prime(work func(int)) {
	jobs := make(chan int, 1)
	jobs <- 1
	jobs <- 2 // want `send on jobs blocks forever: its buffer of 1 is full and the goroutine that receives from it starts only after the send`
	go func() {
		for {
			work(<-jobs)
		}
	}()
}

// The caller waits for the initializer before starting it.
func startWorker(init func() error) error {
	errc := make(chan error)
	if err := <-errc; err != nil { // want `receive from errc blocks forever: the goroutine that sends on it starts only after the receive`
		return err
	}
	go func() { errc <- init() }()
	return nil
}

// Near-misses, all silent.

// The collector starts first.
func publishOrdered(compute func() int, store func(int)) {
	results := make(chan int)
	go func() {
		store(<-results)
	}()
	results <- compute()
}

// Each iteration's goroutine receives the next iteration's send.
func relay(n int, use func(int)) {
	ch := make(chan int)
	for i := 0; i < n; i++ {
		if i > 0 {
			ch <- i
		}
		go func() { use(<-ch) }()
	}
}

// Another goroutine, started first, receives too.
func twoReceivers(use func(int)) {
	ch := make(chan int)
	go func() { use(<-ch) }()
	ch <- 1
	go func() { use(<-ch) }()
	ch <- 2
}

// The buffer holds both jobs.
func primeFits(work func(int)) {
	jobs := make(chan int, 2)
	jobs <- 1
	jobs <- 2
	go func() {
		for {
			work(<-jobs)
		}
	}()
}

var errStop = errors.New("stop")

// The initializer runs before the wait.
func startWorkerOrdered(init func() error) error {
	errc := make(chan error)
	go func() { errc <- init() }()
	if err := <-errc; err != nil {
		return errStop
	}
	return nil
}
