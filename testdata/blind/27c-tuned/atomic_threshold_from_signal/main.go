// GOOD: the monitor goroutine loads the threshold through sync/atomic, and the SIGUSR1
// goroutine that runs after Start changes it only via SetThreshold's atomic Store.
package main

import (
	"log"
	"os"
	"os/signal"
	"runtime"
	"sync/atomic"
	"syscall"
	"time"
)

// MemMonitor logs a warning whenever heap usage crosses a configurable threshold.
type MemMonitor struct {
	thresholdMB atomic.Uint64
	period      time.Duration
	quit        chan struct{}
}

func NewMemMonitor(thresholdMB uint64) *MemMonitor {
	m := &MemMonitor{period: 2 * time.Second, quit: make(chan struct{})}
	m.thresholdMB.Store(thresholdMB)
	return m
}

func (m *MemMonitor) Start() {
	go m.run()
}

func (m *MemMonitor) run() {
	t := time.NewTicker(m.period)
	defer t.Stop()
	var stats runtime.MemStats
	for {
		select {
		case <-m.quit:
			return
		case <-t.C:
			runtime.ReadMemStats(&stats)
			usedMB := stats.HeapAlloc >> 20
			if limit := m.thresholdMB.Load(); usedMB > limit {
				log.Printf("heap %dMB exceeds threshold %dMB", usedMB, limit)
			}
		}
	}
}

// SetThreshold changes the warning threshold of a running monitor.
func (m *MemMonitor) SetThreshold(mb uint64) {
	m.thresholdMB.Store(mb)
}

func (m *MemMonitor) Stop() { close(m.quit) }

func main() {
	mon := NewMemMonitor(512)
	mon.Start()
	defer mon.Stop()

	usr1 := make(chan os.Signal, 1)
	signal.Notify(usr1, syscall.SIGUSR1)
	go func() {
		for range usr1 {
			// halve the threshold each time an operator pokes the process
			cur := mon.thresholdMB.Load()
			if cur > 16 {
				mon.SetThreshold(cur / 2)
				log.Printf("threshold lowered to %dMB", cur/2)
			}
		}
	}()

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
}
