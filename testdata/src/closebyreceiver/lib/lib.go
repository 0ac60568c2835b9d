package lib

// Drain receives everything from ch.
func Drain(ch <-chan int) {
	for range ch {
	}
}

// Close closes ch.
func Close(ch chan int) { close(ch) }

// Fill sends on ch.
func Fill(ch chan<- int) { ch <- 1 }
