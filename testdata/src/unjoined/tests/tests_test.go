package tests

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

func TestLogAfter(t *testing.T) {
	in := make(chan int)
	go func() { // want `goroutine may still be running when the test returns: nothing waits for it, and its t.Logf then panics`
		for v := range in {
			t.Logf("got %d", v)
		}
	}()
	for v := range Produce(3) {
		in <- v
	}
	close(in)
}

func TestLogJoined(t *testing.T) {
	in := make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for v := range in {
			t.Logf("got %d", v)
		}
	}()
	for v := range Produce(3) {
		in <- v
	}
	close(in)
	<-done
}

func check(v int) bool { return v >= 0 }

func TestErrorLate(t *testing.T) {
	go func() { // want `goroutine may still be running when the test returns: nothing waits for it, and its t.Errorf then panics`
		if !check(-1) {
			t.Errorf("check failed")
		}
	}()
}

func TestErrorJoined(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if !check(-1) {
			t.Errorf("check failed")
		}
	}()
	wg.Wait()
}

// Near miss: synctest.Test waits for every goroutine of its bubble.
func TestBubble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		go func() {
			time.Sleep(time.Nanosecond)
			t.Log("in the bubble")
		}()
		time.Sleep(2 * time.Nanosecond)
	})
}

type server struct{ stop chan struct{} }

// serve returns nil once stop closes, an error only if it fails to
// start.
func (s *server) serve() error {
	<-s.stop
	return nil
}

// Near miss: the goroutine reports only a Serve failure, and a Serve
// that the test's cleanup stops returns nil.
func TestServeStopped(t *testing.T) {
	s := &server{stop: make(chan struct{})}
	t.Cleanup(func() { close(s.stop) })
	go func() {
		if err := s.serve(); err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
}
