// Package pipeline has a consumer that closes the channel it reads.
package pipeline

// First returns the first n values a producer sends, then tells it to
// stop by closing its channel: the producer's next send panics.
func First(n int, produce func() int) []int {
	ch := make(chan int)
	go func() {
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
