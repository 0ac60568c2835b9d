package orphan

// GOROOT/test/chan/select2: a goroutine sends n values, and a helper
// receives n values in a counted loop. The counts pair up; the path on
// which the helper's loop runs fewer times than the sender's does not
// exist.

func produce(c chan int, n int) {
	for i := 0; i < n; i++ {
		c <- i
	}
}

func consume(c, quit chan int, n int) int {
	s := 0
	for i := 0; i < n; i++ {
		select {
		case v := <-c:
			s += v
		case <-quit:
			panic("quit")
		}
	}
	return s
}

func PairedCounts(n int) int {
	c := make(chan int)
	quit := make(chan int)
	go produce(c, n)
	return consume(c, quit, n)
}
