package pubsub

import (
	"fmt"
	"sync"
	"testing"
)

func TestPublishDuringClose(t *testing.T) {
	b := NewBroker(4)
	sink := make(chan Event, 1024)
	b.Subscribe("audit", sink)

	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				if err := b.Publish("audit", []byte(fmt.Sprintf("%d-%d", id, j))); err != nil {
					return
				}
			}
		}(i)
	}
	b.Close()
	wg.Wait()
	if err := b.Publish("audit", nil); err != ErrClosed {
		t.Fatalf("Publish after Close = %v, want ErrClosed", err)
	}
}
