package jobqueue

import (
	"testing"
	"time"
)

func TestClientRunsJobs(t *testing.T) {
	queue := make(chan Job)
	done := make(chan struct{})
	fed := make(chan struct{})
	c := NewClient(queue, 4, SlowWork)

	go func() {
		defer close(fed)
		for i := int64(1); ; i++ {
			select {
			case queue <- Job{ID: i, Kind: "email"}:
			case <-done:
				return
			}
		}
	}()

	for len(c.Completed()) < 20 {
		time.Sleep(time.Millisecond)
	}
	c.Stop()
	close(done)
	<-fed
}
