package health

import (
	"errors"
	"testing"
	"time"
)

type fakeBackend struct {
	name  string
	delay time.Duration
	err   error
}

func (f fakeBackend) Name() string { return f.name }

func (f fakeBackend) Ping() error {
	time.Sleep(f.delay)
	return f.err
}

func TestProbeAll(t *testing.T) {
	down := errors.New("connection refused")
	bs := []Backend{
		fakeBackend{name: "db", delay: 2 * time.Millisecond},
		fakeBackend{name: "cache", err: down},
		fakeBackend{name: "queue", delay: time.Millisecond},
	}
	reports := ProbeAll(bs)
	if len(reports) != len(bs) {
		t.Fatalf("got %d reports, want %d", len(reports), len(bs))
	}
	if err := Summary(reports); !errors.Is(err, down) {
		t.Fatalf("summary = %v, want %v", err, down)
	}
}

func TestWorkersSignalDone(t *testing.T) {
	const n = 8
	done := make(chan int)
	for i := range n {
		go func() {
			done <- i * i
		}()
	}
	sum := 0
	for range n {
		sum += <-done
	}
	close(done)
	if sum != 140 {
		t.Fatalf("sum = %d, want 140", sum)
	}
}
