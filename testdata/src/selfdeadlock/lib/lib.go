// Package lib holds helpers seen through facts.
package lib

// Put sends v on ch.
func Put(ch chan<- int, v int) { ch <- v }

var kept []chan int

// Keep sends v on ch and keeps ch for later receivers.
func Keep(ch chan int, v int) {
	kept = append(kept, ch)
	ch <- v
}
