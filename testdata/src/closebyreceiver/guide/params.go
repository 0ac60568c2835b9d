package guide

// The receiver is a named function; the channel reaches it as a parameter.
func drainAndClose(ch chan int) {
	for v := range ch {
		if v < 0 {
			break
		}
	}
	close(ch) // want `ch closed by its receiver while another goroutine sends on it`
}

func useDrain() {
	ch := make(chan int)
	go drainAndClose(ch)
	for i := 0; i < 10; i++ {
		ch <- i
	}
}

// A relay: receives, sends and closes the same channel: it is a sender.
func relay(ch chan int) {
	v := <-ch
	ch <- v + 1
	close(ch)
}

func useRelay() {
	ch := make(chan int, 1)
	ch <- 1
	go relay(ch)
}

// The receiver closes its own done channel, not the data channel.
func ownDone(data chan int) chan struct{} {
	done := make(chan struct{})
	go func() {
		for range data {
		}
		close(done)
	}()
	go func() { data <- 1 }()
	return done
}

// A broadcast channel nobody sends on.
func broadcast() {
	quit := make(chan struct{})
	go func() {
		<-quit
	}()
	<-quit
	close(quit)
}

// Closures stored in variables: the closing closure is called by the receiver.
func storedClosure() {
	ch := make(chan int)
	stop := func() { close(ch) }
	go func() {
		for {
			ch <- 1
		}
	}()
	<-ch
	stop() // want `call to stop closes ch from its receiver while another goroutine sends on it`
}

// Closures stored in variables, the sender closes. Correct.
func storedSender() {
	ch := make(chan int)
	produce := func() {
		defer close(ch)
		ch <- 1
	}
	go produce()
	<-ch
}
