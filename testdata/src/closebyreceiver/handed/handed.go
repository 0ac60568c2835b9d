// Package handed covers a component's channel field handed to the
// goroutine as an argument (go emit(m.beats, m.stop)): the goroutine's
// sends are on the component's field, as when it names m.beats itself.
package handed

import "time"

// Monitor's Close closes beats while emit may be blocked sending the
// next beat: reported.
type Monitor struct {
	beats chan time.Time
	stop  chan struct{}
}

func NewMonitor(every time.Duration) *Monitor {
	m := &Monitor{beats: make(chan time.Time), stop: make(chan struct{})}
	go emit(every, m.beats, m.stop)
	return m
}

func emit(every time.Duration, beats chan<- time.Time, stop <-chan struct{}) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case now := <-t.C:
			beats <- now
		}
	}
}

func (m *Monitor) Next() time.Time { return <-m.beats }

func (m *Monitor) Close() {
	close(m.stop)
	close(m.beats) // want `m.beats closed while another goroutine may still send on it`
}

// Feed's Close waits for the emitter's done before closing out: the
// sends are ordered before the close: silent.
type Feed struct {
	out  chan int
	stop chan struct{}
	done chan struct{}
}

func NewFeed() *Feed {
	f := &Feed{out: make(chan int), stop: make(chan struct{}), done: make(chan struct{})}
	go produce(f.out, f.stop, f.done)
	return f
}

func produce(out chan<- int, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	for i := 0; ; i++ {
		select {
		case <-stop:
			return
		case out <- i:
		}
	}
}

func (f *Feed) Next() int { return <-f.out }

func (f *Feed) Close() {
	close(f.stop)
	<-f.done
	close(f.out)
}
