package g3_bus_closed_flag

import (
	"sync"
	"testing"
)

func TestPublishAfterClose(t *testing.T) {
	b := NewBus(4)
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.Publish(Notice{Topic: "x"})
		}()
	}
	b.PublishAsync(Notice{Topic: "y"})
	b.Close()
	wg.Wait()
	if b.Publish(Notice{Topic: "z"}) {
		t.Fatal("publish after close should fail")
	}
}
