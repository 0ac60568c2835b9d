// A library function that returns what an unjoined goroutine collects.
package lib

import "sync"

func square(n int) int { return n * n }

func Squares(ns []int) []int {
	ch := make(chan int)
	var out []int
	go func() { // want `goroutine may still be running when Squares reads the results it records: nothing waits for it`
		for v := range ch {
			out = append(out, v)
		}
	}()
	for _, n := range ns {
		ch <- square(n)
	}
	close(ch)
	return out
}

// Near miss: the collector says when it is done.
func SquaresJoined(ns []int) []int {
	ch := make(chan int)
	done := make(chan struct{})
	var out []int
	go func() {
		defer close(done)
		for v := range ch {
			out = append(out, v)
		}
	}()
	for _, n := range ns {
		ch <- square(n)
	}
	close(ch)
	<-done
	return out
}

// Near miss: under a mutex, read under the same mutex.
type Acc struct {
	mu  sync.Mutex
	sum int
}

func (a *Acc) Feed(ch chan int) int {
	total := 0
	go func() {
		for v := range ch {
			a.mu.Lock()
			total += v
			a.mu.Unlock()
		}
	}()
	a.mu.Lock()
	defer a.mu.Unlock()
	return total
}

// Near miss: a background printer in a library: not main's output.
func Log(ch chan string) {
	go func() {
		for s := range ch {
			println(s)
		}
	}()
}

// A map the collector fills, read before it is done.
func Count(words chan string) map[string]int {
	counts := map[string]int{}
	go func() { // want `goroutine may still be running when Count reads the results it records: nothing waits for it`
		for w := range words {
			counts[w]++
		}
	}()
	words <- "a"
	close(words)
	return counts
}
