package metricsbatch

import (
	"sync"
	"testing"
	"time"
)

type shipLog struct {
	mu      sync.Mutex
	batches [][]Sample
}

func (l *shipLog) ship(b []Sample) {
	l.mu.Lock()
	l.batches = append(l.batches, b)
	l.mu.Unlock()
}

func (l *shipLog) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, b := range l.batches {
		n += len(b)
	}
	return n
}

// startFeeder adds a sample to b every tick until the returned stop func is called.
func startFeeder(b *batcher, name string) (stop func()) {
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case now := <-t.C:
				b.Add(Sample{Name: name, Value: 1, At: now})
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}

func TestBatcherWithFeeder(t *testing.T) {
	log := &shipLog{}
	b := newBatcher(3, log.ship)
	b.Start()
	t.Cleanup(b.Stop)

	stop := startFeeder(b, "requests_in_flight")
	t.Cleanup(stop)

	deadline := time.Now().Add(time.Second)
	for log.count() < 6 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if log.count() < 6 {
		t.Fatalf("shipped %d samples, want at least 6", log.count())
	}
}

func TestExporterShipsBatches(t *testing.T) {
	log := &shipLog{}
	gauges := map[string]func() float64{
		"goroutines": func() float64 { return 12 },
		"heap_bytes": func() float64 { return 4 << 20 },
		"open_fds":   func() float64 { return 31 },
	}
	e := NewExporter(gauges, time.Millisecond, 4, log.ship)
	time.Sleep(20 * time.Millisecond)
	e.Close()

	if log.count() == 0 {
		t.Fatal("no samples shipped")
	}
}
