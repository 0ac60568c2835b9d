package turns

// The channel forms of a turn are already silent through syncmodel's
// ChanLocked (a goroutine that both sends on and receives from one
// channel): these stay so beside the Pipeline's.

import "sync"

// Token passes one token through a channel of capacity 1: a goroutine
// takes it before writing and puts it back after, so the writes take
// turns as under a mutex.
func Token(workers int) int {
	token := make(chan struct{}, 1)
	token <- struct{}{}
	var wg sync.WaitGroup
	total := 0
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-token
			total += i
			token <- struct{}{}
		}()
	}
	wg.Wait()
	return total
}

// Semaphore fills a slot of a channel of capacity 1 before writing and
// empties it after.
func Semaphore(workers int) int {
	sem := make(chan struct{}, 1)
	var wg sync.WaitGroup
	total := 0
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			total += i
		}()
	}
	wg.Wait()
	return total
}
