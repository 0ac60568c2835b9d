package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type Reading struct {
	Sensor string
	Value  float64
}

// Meter polls a probe function and publishes readings to a recorder goroutine.
type Meter struct {
	readings chan Reading
	cancel   context.CancelFunc
	polled   chan struct{}
	recorded chan struct{}

	mu   sync.Mutex
	last map[string]float64
}

func StartMeter(parent context.Context, probe func() Reading, every time.Duration) *Meter {
	ctx, cancel := context.WithCancel(parent)
	m := &Meter{
		readings: make(chan Reading, 8),
		cancel:   cancel,
		polled:   make(chan struct{}),
		recorded: make(chan struct{}),
		last:     make(map[string]float64),
	}
	go m.poll(ctx, probe, every)
	go m.record()
	return m
}

func (m *Meter) poll(ctx context.Context, probe func() Reading, every time.Duration) {
	defer close(m.polled)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			m.readings <- probe()
		}
	}
}

func (m *Meter) record() {
	defer close(m.recorded)
	for r := range m.readings {
		m.mu.Lock()
		m.last[r.Sensor] = r.Value
		m.mu.Unlock()
	}
}

// Shutdown cancels polling, waits for the poller to exit, then closes the
// readings channel and waits until the recorder has drained it.
func (m *Meter) Shutdown() {
	m.cancel()
	<-m.polled
	close(m.readings)
	<-m.recorded
}

func (m *Meter) Last(sensor string) (float64, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.last[sensor]
	return v, ok
}

func main() {
	n := 0.0
	m := StartMeter(context.Background(), func() Reading {
		n += 1.5
		return Reading{Sensor: "temp", Value: 20 + n}
	}, time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	m.Shutdown()
	v, ok := m.Last("temp")
	fmt.Println(v, ok)
}
