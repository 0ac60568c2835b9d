// Correct near-misses: all silent.
package cases

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"sleepsync/lib"
)

func sleepInGoroutine() int {
	ch := make(chan int)
	go func() {
		time.Sleep(time.Millisecond)
		ch <- 1
	}()
	return <-ch
}

func retryLoop(try func() bool) {
	go fmt.Println("started")
	for i := 0; i < 3; i++ {
		if try() {
			return
		}
		time.Sleep(time.Duration(i) * time.Second) // backoff
	}
}

func rateLimit(jobs []int) {
	for _, j := range jobs {
		go fmt.Println(j)
		time.Sleep(10 * time.Millisecond) // pacing the spawns
	}
}

func sleepThenJoin() int {
	var wg sync.WaitGroup
	x := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		x = 1
	}()
	time.Sleep(time.Millisecond)
	wg.Wait()
	return x
}

func noGoroutine(p *int) int {
	time.Sleep(time.Millisecond)
	return *p
}

func cancelFirst(ctx context.Context) int {
	ctx, cancel := context.WithCancel(ctx)
	n := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-ctx.Done()
		n = 1
	}()
	time.Sleep(time.Millisecond) // lets the worker run; cancel() is the point
	cancel()
	<-done
	return n
}

func otherVariable() int {
	x, y := 0, 0
	go func() { x = 1 }()
	time.Sleep(time.Millisecond)
	_ = &x
	return y
}

func otherField(s *server) string {
	go s.loop() // writes count only
	time.Sleep(time.Millisecond)
	return s.name
}

func libOtherField() string {
	c := &lib.Counter{}
	go c.Run() // writes N only
	time.Sleep(time.Millisecond)
	return c.Label()
}

// Reported since locks are seen through: mu.Lock orders critical
// sections, it does not wait for s.loop to run.
func lockedRead(s *server, mu *sync.Mutex) int {
	go s.loop()
	time.Sleep(time.Millisecond) // want `time.Sleep used to wait for a goroutine started at line 97`
	mu.Lock()
	defer mu.Unlock()
	return s.count
}

// A handoff: the goroutine unlocks what the function locked before
// the sleep, so the second Lock waits for it.
func lockHandoff(s *server, mu *sync.Mutex) int {
	mu.Lock()
	go func() {
		defer mu.Unlock()
		s.count++
	}()
	time.Sleep(time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	return s.count
}

func libLocked() int {
	l := new(lib.Locked)
	go l.Inc()
	time.Sleep(time.Millisecond)
	return l.Get() // Get locks: conservatively a join
}

func pollAtomic() {
	var flag int32
	go func() { atomic.StoreInt32(&flag, 1) }()
	for atomic.LoadInt32(&flag) == 0 {
		time.Sleep(time.Millisecond)
	}
}

func receivedBefore() int {
	x := 0
	ch := make(chan bool)
	go func() {
		x = 1
		ch <- true
	}()
	<-ch
	time.Sleep(time.Millisecond)
	return x
}

// A library function that starts a service and returns: its caller
// may rely on the goroutine running, not on it having finished.
func startService(stop chan struct{}) {
	go lib.Serve(stop)
	time.Sleep(10 * time.Millisecond)
}

func timeAfter() int {
	x := 0
	go func() { x = 1 }()
	select {
	case <-time.After(time.Millisecond): // a blocking select: out of scope
	}
	return x
}

func valueReceiver(s server) int {
	go s.valueLoop() // works on its own copy
	time.Sleep(time.Millisecond)
	return s.count
}

func blockingSelectAfter(s *server) int {
	go s.loop()
	time.Sleep(time.Millisecond)
	select {
	case <-s.ready:
	case <-time.After(time.Second):
	}
	return s.count
}

func signalFirst() int {
	stop := make(chan struct{})
	n := 0
	done := make(chan struct{})
	go func() {
		<-stop
		n = 1
		close(done)
	}()
	time.Sleep(time.Millisecond)
	close(stop)
	<-done
	return n
}

func nonBlockingOtherChan(ch chan int) {
	other := make(chan int)
	go lib.Produce(other)
	time.Sleep(time.Millisecond)
	select {
	case v := <-ch:
		fmt.Println(v)
	default:
	}
}

func genericJoined[T any](v T) T {
	ch := make(chan T)
	go func() { ch <- v }()
	time.Sleep(time.Millisecond)
	return <-ch
}

func setNameThenCount(s *server) int {
	go s.setName() // writes name only
	time.Sleep(time.Millisecond)
	return s.Count()
}

func joinBetween(s *server, wg *sync.WaitGroup) int {
	go s.loop()
	wg.Wait()
	time.Sleep(time.Millisecond)
	return s.count
}

func sleepBeforeGo() int {
	x := 0
	time.Sleep(time.Millisecond)
	go func() { x = 1 }()
	return x
}

func genericMethodJoined() int {
	b := &box[int]{}
	done := make(chan bool)
	go func() {
		b.set(1)
		done <- true
	}()
	<-done
	time.Sleep(time.Millisecond)
	return b.v
}

// lib.Serve blocks (a function without a fact may join), so what it
// waits for may order Run's write before the read: silent.
func libJoins(stop chan struct{}) int {
	c := &lib.Counter{}
	go c.Run()
	lib.Serve(stop)
	time.Sleep(time.Millisecond)
	return c.N
}

// Counter.Block blocks, as its fact says: silent.
func libMethodJoins(stop chan struct{}) int {
	c := &lib.Counter{}
	go c.Run()
	c.Block(stop)
	time.Sleep(time.Millisecond)
	return c.N
}
