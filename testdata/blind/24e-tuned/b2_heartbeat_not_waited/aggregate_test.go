package b2_heartbeat_not_waited

import (
	"sync"
	"testing"
	"time"
)

type testServer struct {
	t      *testing.T
	events chan Event
	wg     sync.WaitGroup
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	return &testServer{t: t, events: make(chan Event)}
}

// startWorkers launches n workers; each reports exactly one event.
func (s *testServer) startWorkers(n int) {
	for i := 0; i < n; i++ {
		s.wg.Add(1)
		go func(id int) {
			defer s.wg.Done()
			kind := "done"
			if id%3 == 2 {
				kind = "failed"
			}
			s.events <- Event{Worker: id, Kind: kind}
		}(i)
	}
}

// startHeartbeat emits a few heartbeats; it is not tracked by s.wg.
func (s *testServer) startHeartbeat(beats int) {
	go func() {
		for i := 0; i < beats; i++ {
			time.Sleep(time.Millisecond)
			s.events <- Event{Worker: -1, Kind: "heartbeat"}
		}
	}()
}

func TestAggregateWithHeartbeat(t *testing.T) {
	srv := newTestServer(t)
	srv.startWorkers(6)
	srv.startHeartbeat(3)

	result := make(chan Summary, 1)
	go func() { result <- Aggregate(srv.events) }()

	srv.wg.Wait()
	close(srv.events) // BAD: only the workers were waited for; the heartbeat goroutine may still send
	sum := <-result
	if sum.Done+sum.Failed != 6 {
		t.Fatalf("got %+v, want 6 worker events", sum)
	}
}

func TestAggregateWorkersOnly(t *testing.T) {
	srv := newTestServer(t)
	srv.startWorkers(4)

	result := make(chan Summary, 1)
	go func() { result <- Aggregate(srv.events) }()

	srv.wg.Wait()
	close(srv.events)
	if sum := <-result; sum.Done+sum.Failed != 4 {
		t.Fatalf("got %+v, want 4 worker events", sum)
	}
}
