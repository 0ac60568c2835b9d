// Package lib holds helpers in another package, seen through facts.
package lib

// Drain receives from ch until it is closed.
func Drain(ch <-chan int) int {
	n := 0
	for v := range ch {
		n += v
	}
	return n
}

// Wait receives one value from ch.
func Wait(ch <-chan struct{}) {
	<-ch
}

// Reply sends v on ch.
func Reply(ch chan<- int, v int) {
	ch <- v
}
