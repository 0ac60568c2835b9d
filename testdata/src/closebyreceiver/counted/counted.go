// Package counted: one-shot protocols the closer counts out. The
// closer made the channel, started its only senders, each sending at
// most once, and received as many values as they can send before it
// closes: every send completed before the close.
package counted

func work(int) int { return 0 }

// Two goroutines started by a constant loop, two receives.
func constPair() {
	done := make(chan struct{})
	for range 2 {
		go func() {
			work(0)
			done <- struct{}{}
		}()
	}
	<-done
	<-done
	close(done)
}

// One goroutine per element, one receive per element.
func perItem(items []int) []int {
	results := make(chan int)
	for _, it := range items {
		go func() { results <- work(it) }()
	}
	out := make([]int, 0, len(items))
	for range items {
		out = append(out, <-results)
	}
	close(results)
	return out
}

// A constant range over an integer on both sides.
func rangeConst() int {
	const n = 8
	done := make(chan int)
	for i := range n {
		go func() { done <- i * i }()
	}
	sum := 0
	for range n {
		sum += <-done
	}
	close(done)
	return sum
}

// A goroutine that sends on one of two branches sends once.
func eitherBranch(items []int) {
	res := make(chan error)
	for _, it := range items {
		go func() {
			if work(it) > 0 {
				res <- nil
				return
			}
			res <- errBad
		}()
	}
	for range items {
		<-res
	}
	close(res)
}

var errBad error

// Bad: each goroutine may send twice, two receives for two goroutines.
func sendsTwice() {
	done := make(chan int)
	for range 2 {
		go func() {
			done <- 1
			done <- 2
		}()
	}
	<-done
	<-done
	close(done) // want `done closed by its receiver while another goroutine sends on it`
}

// Bad: three senders, two receives.
func fewerReceives() {
	done := make(chan struct{}, 3)
	for range 3 {
		go func() { done <- struct{}{} }()
	}
	<-done
	<-done
	close(done) // want `done closed by its receiver while another goroutine sends on it`
}

// Bad: the receive loop can stop early (first error), as the sends
// loop cannot.
func stopsEarly(items []int) error {
	res := make(chan error)
	for _, it := range items {
		go func() {
			if work(it) > 0 {
				res <- errBad
				return
			}
			res <- nil
		}()
	}
	var err error
	for range items {
		if err = <-res; err != nil {
			break
		}
	}
	close(res) // want `res closed by its receiver while another goroutine sends on it`
	return err
}

// Bad: the receive loop is counted by another slice.
func otherCount(items, others []int) {
	res := make(chan int)
	for _, it := range items {
		go func() { res <- it }()
	}
	for range others {
		<-res
	}
	close(res) // want `res closed by its receiver while another goroutine sends on it`
}

// Bad: a goroutine started after the close.
func startedLate() {
	done := make(chan int)
	go func() { done <- 1 }()
	<-done
	close(done) // want `done closed by its receiver while another goroutine sends on it`
	go func() { done <- 2 }()
}

// sendEach sends one value per element of the slice it is handed.
func sendEach(items []int, out chan<- int) {
	for _, it := range items {
		out <- work(it)
	}
}

// sendEachAndSum sends one value per element, then a summary.
func sendEachAndSum(items []int, out chan<- int) {
	for _, it := range items {
		out <- work(it)
	}
	out <- len(items)
}

// One goroutine sends one value per element of the slice its starter
// hands it; the starter receives once per element, on every iteration
// (a continue is one more way round the loop, not out of it).
func oneSenderPerItem(items []int) int {
	res := make(chan int)
	go sendEach(items, res)
	sum := 0
	for range items {
		v := <-res
		if v < 0 {
			continue
		}
		sum += v
	}
	close(res)
	return sum
}

// Bad: the sender sends a summary after its per-element values.
func summaryAfter(items []int) {
	res := make(chan int)
	go sendEachAndSum(items, res)
	for range items {
		<-res
	}
	close(res) // want `res closed by its receiver while another goroutine sends on it`
}

// Bad: the sender's loop runs over another slice than the receiver's.
func otherSlice(items, others []int) {
	res := make(chan int)
	go sendEach(others, res)
	for range items {
		<-res
	}
	close(res) // want `res closed by its receiver while another goroutine sends on it`
}

// Bad: two senders each send one value per element; one receive per
// element leaves the other's sends.
func twoSenders(items []int) {
	res := make(chan int)
	for range 2 {
		go sendEach(items, res)
	}
	for range items {
		<-res
	}
	close(res) // want `res closed by its receiver while another goroutine sends on it`
}
