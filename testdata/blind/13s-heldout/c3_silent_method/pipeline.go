package pipeline

import (
	"context"
	"strings"
	"sync"
)

// Event is one record flowing through the pipeline.
type Event struct {
	Source string
	Body   string
}

type worker struct {
	id  int
	in  <-chan Event
	out chan<- Event
}

func (w *worker) run(ctx context.Context, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.in:
			if !ok {
				return
			}
			ev.Body = strings.TrimSpace(ev.Body)
			select {
			case w.out <- ev:
			case <-ctx.Done():
				return
			}
		}
	}
}

// Stage normalizes events with a fixed number of workers.
type Stage struct {
	Out    chan Event
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func NewStage(in <-chan Event, n int) *Stage {
	ctx, cancel := context.WithCancel(context.Background())
	s := &Stage{Out: make(chan Event, n), cancel: cancel}
	for i := 0; i < n; i++ {
		w := &worker{id: i, in: in, out: s.Out}
		s.wg.Add(1)
		go w.run(ctx, &s.wg)
	}
	return s
}

// Close stops the workers and closes Out once all of them have returned.
func (s *Stage) Close() {
	s.cancel()
	s.wg.Wait()
	close(s.Out)
}

// Collect drains a stage until its input is exhausted.
func Collect(in <-chan Event, n int) []Event {
	s := NewStage(in, n)
	var got []Event
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ev := range s.Out {
			got = append(got, ev)
		}
	}()
	s.wg.Wait()
	s.Close()
	<-done
	return got
}
