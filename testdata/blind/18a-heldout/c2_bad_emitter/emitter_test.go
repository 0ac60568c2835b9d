package metrics

import (
	"context"
	"sync"
	"testing"
	"time"
)

type memSink struct {
	mu sync.Mutex
	n  int
}

func (m *memSink) Write(batch []Sample) error {
	m.mu.Lock()
	m.n += len(batch)
	m.mu.Unlock()
	return nil
}

func TestEmitFromHandlers(t *testing.T) {
	sink := &memSink{}
	e := NewEmitter(context.Background(), sink, time.Millisecond)

	var wg sync.WaitGroup
	for h := 0; h < 4; h++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				e.Emit(Sample{Name: "http.requests", Value: 1, Tags: map[string]string{"route": "/"}})
			}
		}()
	}
	time.Sleep(2 * time.Millisecond)
	e.Stop()
	wg.Wait()
}
