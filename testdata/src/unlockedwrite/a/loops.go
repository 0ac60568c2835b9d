package a

import (
	"sync"
	"sync/atomic"
)

// guide §7.3
var counter int

func raceCondition() {
	for i := 0; i < 100; i++ {
		go func() {
			counter++ // want `write to counter in a goroutine started in a loop races with the other goroutines`
		}()
	}
}

// guide §7.3 FIX 1
var mu sync.Mutex

func noRaceCondition1() {
	for i := 0; i < 100; i++ {
		go func() {
			mu.Lock()
			counter++
			mu.Unlock()
		}()
	}
}

// guide §7.3 FIX 2
func noRaceCondition2() {
	ch := make(chan int)
	go func() {
		count := 0
		for i := 0; i < 100; i++ {
			count += <-ch
		}
		println(count)
	}()
	for i := 0; i < 100; i++ {
		go func() {
			ch <- 1
		}()
	}
}

func firstError(fs []func() error) error {
	var wg sync.WaitGroup
	var err error
	for _, f := range fs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if e := f(); e != nil {
				err = e // want `write to err in a goroutine started in a loop`
			}
		}()
	}
	wg.Wait()
	return err
}

// Good: each goroutine writes its own slot.
func each(fs []func() error) []error {
	var wg sync.WaitGroup
	errs := make([]error, len(fs))
	for i, f := range fs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = f()
		}()
	}
	wg.Wait()
	return errs
}

func collect(keys []string) map[string]int {
	var wg sync.WaitGroup
	m := map[string]int{}
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m[k] = len(k) // want `map store into m in a goroutine started in a loop`
		}()
	}
	wg.Wait()
	return m
}

// Good: the map store is locked.
func collectOK(keys []string) map[string]int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	m := map[string]int{}
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			m[k] = len(k)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return m
}

// Good: atomics.
func atomicCount(n int) int64 {
	var total atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			total.Add(1)
		}()
	}
	wg.Wait()
	return total.Load()
}

// Good: the loop waits for each goroutine before starting the next.
func serial(n int) int {
	x := 0
	for i := 0; i < n; i++ {
		done := make(chan bool)
		go func() {
			x++
			done <- true
		}()
		<-done
	}
	return x
}

// Good: a per-iteration variable.
func perIteration(n int) {
	for i := 0; i < n; i++ {
		v := 0
		go func() {
			v = i
			_ = v
		}()
	}
}

// Good: a single goroutine, not in a loop.
func single() int {
	x := 0
	done := make(chan bool)
	go func() {
		x = 1
		close(done)
	}()
	<-done
	return x
}

// Good: locked through a sync.Locker interface (sync's benchmarkCond).
func lockerIface(n int) {
	c := sync.NewCond(&sync.Mutex{})
	id := 0
	for i := 0; i < n; i++ {
		go func() {
			c.L.Lock()
			id++
			c.L.Unlock()
		}()
	}
}

// testing's doRace (testing_test.go), a deliberate race: the read is
// not ordered after the goroutine's write.
func doRace() {
	var x int
	c1 := make(chan bool)
	go func() {
		x = 1
		c1 <- true
	}()
	_ = x // want `read of x races with the goroutine that writes it`
	<-c1
}

// Good: the receive comes first.
func noRace() {
	var x int
	c1 := make(chan bool)
	go func() {
		x = 1
		c1 <- true
	}()
	<-c1
	_ = x
}
