package fenced

import "sync"

// monitor sends each event from a goroutine of its own, counted in
// and out under the read lock; disable waits under the write lock, so
// no Wait runs beside an Add's section.
type monitor struct {
	sync.RWMutex
	sync.WaitGroup
	enabled   bool
	listeners []chan string
}

func (m *monitor) send(ev string) {
	m.RLock()
	defer m.RUnlock()
	m.Add(1)
	defer m.Done()
	if !m.enabled {
		return
	}
	for _, l := range m.listeners {
		select {
		case l <- ev:
		default:
		}
	}
}

func (m *monitor) disable() {
	m.Lock()
	defer m.Unlock()
	m.Wait()
	m.enabled = false
}

func (m *monitor) run(events <-chan string) {
	for ev := range events {
		go m.send(ev)
	}
	m.disable()
}

// loose waits without the lock: its Wait can run beside a sender's
// section, before the Add.
type loose struct {
	sync.RWMutex
	sync.WaitGroup
	enabled bool
}

func (l *loose) send(ev string) {
	l.RLock()
	defer l.RUnlock()
	l.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
	defer l.Done()
	_ = ev
}

func (l *loose) disable() {
	l.Wait()
	l.Lock()
	l.enabled = false
	l.Unlock()
}

func (l *loose) run(events <-chan string) {
	for ev := range events {
		go l.send(ev)
	}
	l.disable()
}
