package jobqueue

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestPushDuringClose(t *testing.T) {
	q := New(2, 4)
	var ran atomic.Int64
	var wg sync.WaitGroup
	for c := 0; c < 6; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				err := q.Push(func() error {
					ran.Add(1)
					return nil
				})
				if err != nil {
					return
				}
			}
		}()
	}
	time.Sleep(5 * time.Millisecond)
	q.Close()
	wg.Wait()
	t.Logf("ran %d jobs", ran.Load())
}
