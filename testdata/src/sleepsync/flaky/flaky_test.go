package flaky

import (
	"sleepsync/lib"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

func TestFlakyResult(t *testing.T) {
	var got int
	go func() { got = compute() }()
	time.Sleep(100 * time.Millisecond) // want `time.Sleep used to wait for a goroutine started at line 14`
	if got != 42 {
		t.Fatalf("got %d, want 42", got)
	}
}

func TestServeError(t *testing.T) {
	s := &Server{stop: make(chan struct{})}
	var err error
	go func() { err = s.Serve() }()
	time.Sleep(50 * time.Millisecond) // want `time.Sleep used to wait`
	if err != nil {
		t.Fatal(err)
	}
}

func TestServingFlag(t *testing.T) {
	s := &Server{stop: make(chan struct{})}
	go s.Serve()
	time.Sleep(50 * time.Millisecond) // want `time.Sleep used to wait`
	if !s.serving {
		t.Error("not serving")
	}
}

func TestEndsAfterSleep(t *testing.T) {
	go func() {
		t.Log("running")
	}()
	time.Sleep(10 * time.Millisecond) // want `time.Sleep used to wait`
	t.Log("done")
}

func TestSubtest(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		n := 0
		go func() { n++ }()
		time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
		if n != 1 {
			t.Fail()
		}
	})
}

func ExampleServer() {
	go compute()
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
}

// Correct variants and other purposes of a sleep: silent.

func TestJoined(t *testing.T) {
	var got int
	var wg sync.WaitGroup
	wg.Go(func() { got = compute() })
	wg.Wait()
	if got != 42 {
		t.Fatalf("got %d", got)
	}
}

func TestChannelResult(t *testing.T) {
	ch := make(chan int, 1)
	go func() { ch <- compute() }()
	time.Sleep(time.Millisecond)
	if got := <-ch; got != 42 {
		t.Fatalf("got %d", got)
	}
}

func TestCleanup(t *testing.T) {
	s := &Server{stop: make(chan struct{})}
	t.Cleanup(s.Close)
	go s.Serve()
	time.Sleep(time.Millisecond) // lets the server run before cleanup
}

func TestDeferClose(t *testing.T) {
	s := &Server{stop: make(chan struct{})}
	defer s.Close()
	go s.Serve()
	time.Sleep(time.Millisecond) // lets the server run before Close
}

// Waiting for a server to start is flaky too, but what follows does
// not provably depend on the goroutine: silent.
func TestServerStart(t *testing.T) {
	s := &Server{addr: "x", stop: make(chan struct{})}
	go s.Serve()
	time.Sleep(10 * time.Millisecond)
	c, err := Dial(s.addr)
	if err != nil {
		t.Fatal(err)
	}
	<-c
	s.Close()
}

func TestTimerAPI(t *testing.T) {
	fired := make(chan bool, 1)
	time.AfterFunc(time.Millisecond, func() { fired <- true })
	time.Sleep(5 * time.Millisecond) // no go statement of its own
	select {
	case <-fired:
	default:
		t.Fatal("timer did not fire")
	}
}

func TestPolling(t *testing.T) {
	var mu sync.Mutex
	done := false
	go func() {
		mu.Lock()
		done = true
		mu.Unlock()
	}()
	for i := 0; i < 100; i++ {
		mu.Lock()
		d := done
		mu.Unlock()
		if d {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("timeout")
}

func BenchmarkSpawn(b *testing.B) {
	for i := 0; i < b.N; i++ {
		go compute()
	}
	time.Sleep(time.Millisecond) // a benchmark's own timing
}

// The goroutine must stay blocked: the sleep gives it time to
// misbehave, and receiving fails the test.
func TestStaysBlocked(t *testing.T) {
	var mu sync.Mutex
	c := make(chan bool, 1)
	mu.Lock()
	go func() {
		mu.Lock()
		c <- true
		mu.Unlock()
	}()
	time.Sleep(time.Millisecond)
	select {
	case <-c:
		t.Fatal("acquired a held mutex")
	default:
	}
	mu.Unlock()
	<-c
}

// In a synctest bubble time is virtual: Sleep returns only when every
// other goroutine of the bubble is durably blocked.
func TestBubble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		done := false
		go func() { done = true }()
		time.Sleep(time.Second)
		if !done {
			t.Fatal("not done")
		}
	})
}

// The same shape as TestStaysBlocked, but a receive is the expected
// outcome (guide §3.8 in a test): reported.
func TestExpectsValue(t *testing.T) {
	c := make(chan int, 1)
	go func() { c <- compute() }()
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait`
	select {
	case v := <-c:
		t.Log(v)
	default:
		t.Fatal("no value yet")
	}
}

// A test helper that starts a server and returns: the caller goes on
// using the goroutine, nothing here relies on it having finished.
func startServer(t *testing.T) *Server {
	t.Helper()
	s := &Server{stop: make(chan struct{})}
	go s.Serve()
	time.Sleep(10 * time.Millisecond)
	return s
}

func TestUsesHelper(t *testing.T) {
	s := startServer(t)
	s.Close()
}

// A function literal taking *testing.T that is not a subtest is a
// helper too.
func TestHelperLiteral(t *testing.T) {
	s := &Server{stop: make(chan struct{})}
	start := func(t *testing.T) {
		go s.Serve()
		time.Sleep(10 * time.Millisecond)
	}
	start(t)
	s.Close()
}

// Pacing the goroutines a loop starts.
func TestPaced(t *testing.T) {
	for i := 0; i < 3; i++ {
		go compute()
		time.Sleep(time.Millisecond)
	}
}

// The goroutines must stay blocked: the test sleeps to give them a
// chance to finish wrongly, checks they did not, then joins them
// (grpc's picker tests): silent.
func TestStillBlocked(t *testing.T) {
	var finished atomic.Int64
	release := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 0; i < 3; i++ {
		go func() {
			defer wg.Done()
			<-release
			finished.Add(1)
		}()
	}
	time.Sleep(50 * time.Millisecond)
	if n := finished.Load(); n != 0 {
		t.Errorf("%d goroutines finished before the release", n)
	}
	close(release)
	wg.Wait()
}

// eventually polls cond until it holds, as testify's Eventually does.
func eventually(t *testing.T, cond func() bool, wait time.Duration) {
	for deadline := time.Now().Add(wait); !cond(); {
		if time.Now().After(deadline) {
			t.Fatal("condition never satisfied")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// The compaction must wait for the open querier: the test sleeps to
// give it a chance to finish wrongly, checks it did not, then polls
// for it after closing the querier (Prometheus's OOO compaction
// tests): silent.
func TestCompactionWaits(t *testing.T) {
	var complete atomic.Bool
	querierClosed := make(chan struct{})
	go func() {
		defer complete.Store(true)
		<-querierClosed
	}()
	time.Sleep(50 * time.Millisecond)
	if complete.Load() {
		t.Fatal("compaction completed before the querier closed")
	}
	close(querierClosed)
	eventually(t, complete.Load, time.Second)
}

// The same check, never joined: the sleep is all the test has to wait
// for the compaction to have run.
func TestCompactionRuns(t *testing.T) {
	var complete atomic.Bool
	go func() {
		defer complete.Store(true)
		compute()
	}()
	time.Sleep(50 * time.Millisecond) // want `time.Sleep used to wait for a goroutine`
	if !complete.Load() {
		t.Fatal("compaction did not complete")
	}
}

// An observation window (time's TestTimerStopStress): each goroutine
// stops its timer before the deadline, and the test sleeps past the
// deadline to see that no stopped timer fires. Only the timers'
// callbacks report to the test; the goroutines produce nothing the
// test reads: silent.
func TestTimerStopWindow(t *testing.T) {
	for i := 0; i < 10; i++ {
		go func(i int) {
			timer := time.AfterFunc(200*time.Millisecond, func() {
				t.Errorf("timer %d was not stopped", i)
			})
			time.Sleep(100 * time.Millisecond)
			timer.Stop()
		}(i)
	}
	time.Sleep(300 * time.Millisecond)
}

// The same window, but the goroutines report to the test themselves:
// returning after the sleep may cut them off before they do (or make
// them log after the test ended): reported.
func TestTimerStopReports(t *testing.T) {
	for i := 0; i < 10; i++ {
		go func(i int) {
			timer := time.AfterFunc(200*time.Millisecond, func() {})
			time.Sleep(100 * time.Millisecond)
			if !timer.Stop() {
				t.Errorf("timer %d fired early", i)
			}
		}(i)
	}
	time.Sleep(300 * time.Millisecond) // want `time.Sleep used to wait for a goroutine`
}

// A helper given the test does the reporting: reported.
func TestTimerStopHelperReports(t *testing.T) {
	for i := 0; i < 10; i++ {
		go stopAndCheck(t, i)
	}
	time.Sleep(300 * time.Millisecond) // want `time.Sleep used to wait for a goroutine`
}

func stopAndCheck(t *testing.T, i int) {
	timer := time.AfterFunc(200*time.Millisecond, func() {})
	time.Sleep(100 * time.Millisecond)
	if !timer.Stop() {
		t.Errorf("timer %d fired early", i)
	}
}

// The goroutines report nothing to the test, but it reads what they
// wrote after the sleep, behind a call the walk does not see through:
// reported.
func TestFanoutChecked(t *testing.T) {
	got := make([]int, 4)
	for i := range got {
		go func() { got[i] = compute() }()
	}
	time.Sleep(20 * time.Millisecond) // want `time.Sleep used to wait for a goroutine`
	for i := range got {
		if want := compute(); got[i] != want {
			t.Errorf("%d: got %d, want %d", i, got[i], want)
		}
	}
}

// The sleep gives a goroutine that must block on the lock the test
// holds time to run wrongly; the test checks it did not, and joins it
// in the function literal it deferred before the sleep.
func TestStaysBlockedDeferredJoin(t *testing.T) {
	var mu sync.Mutex
	updated := 0
	mu.Lock()
	var wg sync.WaitGroup
	wg.Add(1)
	defer func() {
		mu.Unlock()
		wg.Wait()
	}()
	go func() {
		mu.Lock()
		defer func() {
			mu.Unlock()
			wg.Done()
		}()
		updated = 2
	}()
	time.Sleep(10 * time.Millisecond)
	if updated != 0 {
		t.Fatal("updated while locked")
	}
	updated = 1
}

// Bad: the deferred literal only unlocks; nothing joins the goroutine.
func TestDeferredUnlockNoJoin(t *testing.T) {
	var mu sync.Mutex
	var got int
	defer func() { mu.Unlock() }()
	mu.Lock()
	go func() { got = compute() }()
	time.Sleep(10 * time.Millisecond) // want `time.Sleep used to wait for a goroutine started at line 400`
	if got != 42 {
		t.Fatal("not computed")
	}
}

// pool runs handlers it counts on its own WaitGroup; Close waits for
// them, not for anyone else.
type pool struct{ wg sync.WaitGroup }

func (p *pool) run(f func()) {
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		f()
	}()
}

func (p *pool) Close() { p.wg.Wait() }

// Bad: Close joins the pool's goroutines, not the clients, which tell
// nobody when they are done: the counts are ordered by the sleep alone.
func TestJoinsOthers(t *testing.T) {
	var p pool
	p.run(func() {})
	counts := make([]int, 3)
	for i := range counts {
		go func() { counts[i] = compute() }()
	}
	time.Sleep(10 * time.Millisecond) // want `time.Sleep used to wait for a goroutine started at line 428`
	p.Close()
	for _, n := range counts {
		if n != 42 {
			t.Fatal(n)
		}
	}
}

// Silent: the Wait after the sleep is on the WaitGroup the clients mark
// Done, before their counts are read.
func TestJoinsClients(t *testing.T) {
	var p pool
	p.run(func() {})
	var wg sync.WaitGroup
	counts := make([]int, 3)
	for i := range counts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[i] = compute()
		}()
	}
	time.Sleep(10 * time.Millisecond)
	p.Close()
	wg.Wait()
	for _, n := range counts {
		if n != 42 {
			t.Fatal(n)
		}
	}
}

// Bad: the clients mark Done a WaitGroup nobody waits on before the
// read; the Wait on the pool's does not wait for them.
func TestWaitsOtherGroup(t *testing.T) {
	var p pool
	var wg sync.WaitGroup
	var got int
	wg.Add(1)
	go func() {
		defer wg.Done()
		got = compute()
	}()
	time.Sleep(10 * time.Millisecond) // want `time.Sleep used to wait for a goroutine started at line 470`
	p.wg.Wait()
	if got != 42 {
		t.Fatal(got)
	}
	wg.Wait()
}

// Bad: the join deferred before the sleep runs after the read, and
// nothing lets the goroutine go on before it: the read is no check
// that the goroutine is still blocked, it waits for its result.
func TestJoinAfterRead(t *testing.T) {
	var wg sync.WaitGroup
	defer wg.Wait()
	var got int
	wg.Add(1)
	go func() {
		defer wg.Done()
		got = compute()
	}()
	time.Sleep(10 * time.Millisecond) // want `time.Sleep used to wait for a goroutine started at line 490`
	if got != 42 {
		t.Fatal(got)
	}
}

// gate blocks its waiters until opened.
type gate struct{ open chan struct{} }

func (g *gate) wait()   { <-g.open }
func (g *gate) update() { close(g.open) }

// Silent: the read checks that the goroutines are still blocked; the
// method called next wakes them (it closes what they wait on), then
// the test joins them (grpc's picker tests).
func TestStillBlockedUpdate(t *testing.T) {
	g := &gate{open: make(chan struct{})}
	var finished atomic.Int64
	var wg sync.WaitGroup
	wg.Add(2)
	for range 2 {
		go func() {
			g.wait()
			finished.Add(1)
			wg.Done()
		}()
	}
	time.Sleep(time.Millisecond)
	if n := finished.Load(); n != 0 {
		t.Errorf("%d finished", n)
	}
	g.update()
	wg.Wait()
}

// The sleep is a window in which the server must stay up: receiving
// from it fails the test through a helper of another package that
// never returns.
func TestServerStaysUp(t *testing.T) {
	exited := make(chan error, 1)
	go func() { exited <- serve() }()
	time.Sleep(100 * time.Millisecond)
	select {
	case err := <-exited:
		lib.FailNow(t, "server exited early: %v", err)
	default:
	}
}

// The same window, but a received value is used: reported.
func TestServerAnswer(t *testing.T) {
	exited := make(chan error, 1)
	go func() { exited <- serve() }()
	time.Sleep(100 * time.Millisecond) // want `time.Sleep used to wait`
	select {
	case err := <-exited:
		t.Log(err)
	default:
	}
}

func serve() error { return nil }
