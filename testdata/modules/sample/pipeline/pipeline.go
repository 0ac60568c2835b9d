// Package pipeline has a consumer that closes the channel it reads.
package pipeline

// First returns the first n values a producer sends, then tells it to
// stop by closing its channel: the producer's next send panics. The
// producer's loop has no exit either: nothing could stop it cleanly.
func First(n int, produce func() int) []int {
	ch := make(chan int)
	go func() { // finding: goroutineleak
		for {
			ch <- produce()
		}
	}()
	var out []int
	for v := range ch {
		out = append(out, v)
		if len(out) == n {
			close(ch) // finding: closebyreceiver
		}
	}
	return out
}
