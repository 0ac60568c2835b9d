package testonly

import (
	"testing"
	"time"
)

// inspectMeter takes the two locks in the order step does not.
func inspectMeter(m *Meter) (queued, done int) {
	m.doneMu.Lock()
	defer m.doneMu.Unlock()
	m.queueMu.Lock()
	defer m.queueMu.Unlock()
	return len(m.queue), len(m.done)
}

// After Shutdown has joined the worker: nothing else locks the meter.
func TestMeterDrains(t *testing.T) {
	m := NewMeter()
	m.Add("a")
	m.Start(time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	m.Shutdown()
	if q, d := inspectMeter(m); q+d != 1 {
		t.Fatal(q, d)
	}
}

// A meter that is never started has no worker.
func TestMeterFresh(t *testing.T) {
	m := NewMeter()
	m.Add("x")
	if q, _ := inspectMeter(m); q != 1 {
		t.Fatal(q)
	}
}

// Before Start, in a subtest the parent waits for.
func TestMeterBeforeStart(t *testing.T) {
	m := NewMeter()
	t.Run("before", func(t *testing.T) {
		if q, _ := inspectMeter(m); q != 0 {
			t.Fatal(q)
		}
	})
	m.Start(time.Millisecond)
	m.Shutdown()
}

func inspectPool(p *Pool) (queued, done int) {
	p.doneMu.Lock()
	defer p.doneMu.Unlock()
	// Inspects while the worker may be in step.
	p.queueMu.Lock() // want `lock order inversion: Pool.queueMu is locked while Pool.doneMu is held, and elsewhere Pool.doneMu while Pool.queueMu is held`
	defer p.queueMu.Unlock()
	return len(p.queue), len(p.done)
}

// The pool's worker runs while the test polls: AB-BA between the test
// goroutine and the worker.
func TestPoolPolls(t *testing.T) {
	p := NewPool()
	p.Start(time.Millisecond)
	defer p.Shutdown()
	p.Add("a")
	for i := 0; i < 100; i++ {
		if _, d := inspectPool(p); d == 1 {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// Halt does not wait for the worker.
func TestPoolHalted(t *testing.T) {
	p := NewPool()
	p.Start(time.Millisecond)
	p.Halt()
	inspectPool(p)
}
