package order

import "sync"

func insert(id int) error { return nil }

// Silent: each round of the outer loop makes its own channel, WaitGroup
// and workers; the workers a later round starts send on that round's
// channel, not on the one closed after this round's Wait (bbolt's
// BenchmarkDBBatchManual10x100).
func Rounds(n int) error {
	for i := 0; i < n; i++ {
		var wg sync.WaitGroup
		errCh := make(chan error, 10)
		for w := 0; w < 10; w++ {
			wg.Add(1)
			go func(id int) {
				defer wg.Done()
				errCh <- insert(id)
			}(w)
		}
		wg.Wait()
		close(errCh)
		for err := range errCh {
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// Reported: one channel for every round; the workers of the second
// round send on the channel the first round closed.
func RoundsShared(n int) {
	errCh := make(chan error, 10)
	for i := 0; i < n; i++ {
		var wg sync.WaitGroup
		for w := 0; w < 10; w++ {
			wg.Add(1)
			go func(id int) {
				defer wg.Done()
				errCh <- insert(id)
			}(w)
		}
		wg.Wait()
		close(errCh) // want `errCh closed by its receiver while another goroutine sends on it`
		for range errCh {
		}
	}
}
