package tests

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"
)

var changed = make(chan struct{})

// waitChange reports whether the state changed before ctx was done.
func waitChange(ctx context.Context) bool {
	select {
	case <-ctx.Done():
		return false
	case <-changed:
		return true
	}
}

func waitFor(ctx context.Context) error {
	if !waitChange(ctx) {
		return ctx.Err()
	}
	return nil
}

func shutDown() bool { return len(changed) == 0 }

// The goroutine calls t.Errorf only once a wait on the test's own
// context succeeded; the test cancels that context when it returns,
// after which the wait fails (grpc's pick_first test): silent.
func TestStaysPut(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	go func() {
		if waitChange(ctx) {
			if !shutDown() {
				t.Errorf("unexpected state change")
			}
		}
	}()
	time.Sleep(10 * time.Millisecond)
}

// The same with an error result: silent.
func TestStaysPutErr(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		if err := waitFor(ctx); err == nil && !shutDown() {
			t.Errorf("unexpected state change")
		}
	}()
}

// Bad: t.Errorf on the failed wait, which is what the cancellation at
// the test's return brings about.
func TestTimesOut(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	go func() { // want `goroutine may still be running when the test returns: nothing waits for it, and its t.Errorf then panics`
		if !waitChange(ctx) {
			t.Errorf("no state change")
		}
	}()
}

// Bad: the context is not the test's: nothing cancels it when the test
// returns.
func TestBackground(t *testing.T) {
	go func() { // want `goroutine may still be running when the test returns: nothing waits for it, and its t.Errorf then panics`
		if waitChange(context.Background()) {
			t.Errorf("unexpected state change")
		}
	}()
}

// A check the goroutine makes as soon as it runs, with no wait before
// it: the t.Error fires only if the channel is broken (runtime's
// TestNonblockRecvRace): silent.
func TestReadyRecv(t *testing.T) {
	c := make(chan int, 1)
	c <- 1
	go func() {
		select {
		case <-c:
		default:
			t.Error("chan is not ready")
		}
	}()
	close(c)
	<-c
}

// The same with a check of another package's result: silent.
func TestFormat(t *testing.T) {
	go func() {
		if s := strconv.Itoa(7); s != "7" {
			t.Errorf("Itoa(7) = %q", s)
		}
	}()
}

type ttlMap struct {
	mu    sync.Mutex
	items map[string]time.Time
	now   func() time.Time
}

func (m *ttlMap) present(k string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	exp, ok := m.items[k]
	return ok && m.now().Before(exp)
}

// Bad: the goroutine sleeps before its check (the map's own lock and
// clock tell the test nothing), so the t.Errorf runs after the test
// returned on every run in which it fires.
func TestExpires(t *testing.T) {
	m := &ttlMap{items: map[string]time.Time{"a": time.Now().Add(time.Millisecond)}, now: time.Now}
	go func() { // want `goroutine may still be running when the test returns: nothing waits for it, and its t.Errorf then panics`
		time.Sleep(40 * time.Millisecond)
		if m.present("a") {
			t.Errorf("a still present after its ttl")
		}
	}()
}

// Bad: an unconditional t.Log after a wait unrelated to the test.
func TestLogLater(t *testing.T) {
	tick := time.NewTimer(time.Second)
	go func() { // want `goroutine may still be running when the test returns: nothing waits for it, and its t.Log then panics`
		<-tick.C
		t.Log("tick")
	}()
}

type rwTTLMap struct {
	mu    sync.RWMutex
	items map[string]time.Time
}

func (m *rwTTLMap) present(k string) bool {
	m.mu.RLock()
	defer m.mu.RUnlock()
	exp, ok := m.items[k]
	return ok && time.Now().Before(exp)
}

// Bad: the same with a read lock: the RUnlock ends the callee's own
// critical section, no one waits on it.
func TestExpiresRW(t *testing.T) {
	m := &rwTTLMap{items: map[string]time.Time{"a": time.Now().Add(time.Millisecond)}}
	go func() { // want `goroutine may still be running when the test returns: nothing waits for it, and its t.Errorf then panics`
		time.Sleep(40 * time.Millisecond)
		if m.present("a") {
			t.Errorf("a still present after its ttl")
		}
	}()
}

type handoff struct {
	mu   sync.Mutex
	done bool
}

// finish releases the lock its caller's starter took: a signal.
func (h *handoff) finish() bool {
	h.done = true
	h.mu.Unlock()
	return h.done
}

// Silent: the goroutine's callee unlocks a mutex the test locked and
// waits on by locking it again.
func TestHandoff(t *testing.T) {
	h := &handoff{}
	h.mu.Lock()
	go func() {
		time.Sleep(time.Millisecond)
		if !h.finish() {
			t.Errorf("not done")
		}
	}()
	h.mu.Lock()
}
