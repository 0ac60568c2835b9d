package basic

import "sync"

// Add before go: the correct form.
func addBefore() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	wg.Wait()
}

// The goroutine adds for children it starts and holds the count its
// starter added for it.
func addsForChildren() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go child(&wg)
		}
	}()
	wg.Wait()
}

// Adds for a child started through a helper: the helper carries wg.
func startChild(wg *sync.WaitGroup) { go child(wg) }

func addsForChildViaHelper() {
	var wg sync.WaitGroup
	go func() {
		wg.Add(1)
		startChild(&wg)
		wg.Add(1)
		defer wg.Done()
	}()
}

// A WaitGroup local to the goroutine.
func localToGoroutine() {
	go func() {
		var wg sync.WaitGroup
		wg.Add(1)
		defer wg.Done()
		go func() {
			var inner sync.WaitGroup
			inner.Add(2)
			go child(&inner)
			inner.Done()
			inner.Wait()
		}()
	}()
}

// errgroup-like wrapper: Go adds for the goroutine it starts.
type Group struct{ wg sync.WaitGroup }

func (g *Group) Go(f func()) { // want Go:`waitgroupadd\(add:p0/0 carry:p0/0 carry:p1 pub:p1 flags=0\)`
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		f()
	}()
}

func (g *Group) Wait() { g.wg.Wait() } // want Wait:`waitgroupadd\(wait:p0/0 flags=0\)`

func useGroup() {
	var g Group
	for i := 0; i < 3; i++ {
		g.Go(work)
	}
	g.Wait()
	go func() {
		var inner Group
		inner.Go(work)
		inner.Wait()
	}()
}

// Rule 2 near-miss: the goroutine tells its starter it has added.
func handshake() {
	var wg sync.WaitGroup
	started := make(chan struct{})
	go func() {
		wg.Add(1)
		go child(&wg)
		close(started)
	}()
	<-started
	wg.Wait()
}

// Rule 2 near-miss: the starter's unbuffered send completes after the
// goroutine's receive, which follows the Add.
func handshakeRecv() {
	var wg sync.WaitGroup
	start := make(chan int)
	go func() {
		wg.Add(1)
		go child(&wg)
		<-start
	}()
	start <- 1
	wg.Wait()
}

// Rule 2 near-miss: the only Wait is in the goroutine itself.
func waitInside() {
	var wg sync.WaitGroup
	go func() {
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go child(&wg)
		}
		wg.Wait()
	}()
}

// Rule 2 near-miss: the Wait runs before the go statement.
func waitBefore() {
	var wg sync.WaitGroup
	wg.Wait()
	go func() {
		wg.Add(1)
		go child(&wg)
	}()
}

// Rule 2 near-miss: the starter waits on another WaitGroup.
func otherWaitGroup() {
	var a, b sync.WaitGroup
	go func() {
		b.Add(1)
		go child(&b)
	}()
	a.Wait()
}

// Add(-1) is a Done.
func negativeAdd() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Add(-1)
		work()
	}()
	wg.Wait()
}

// The goroutine hands wg to code we cannot see.
type submitter interface{ Submit(*sync.WaitGroup) }

func opaque(s submitter) {
	var wg sync.WaitGroup
	go func() {
		wg.Add(2)
		defer wg.Done()
		s.Submit(&wg)
	}()
	wg.Wait()
}

// WaitGroup.Go orders the Add itself.
func useGo() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Go(work)
	}
	wg.Go(func() { work() })
	wg.Wait()
}

// A generic wrapper that adds before starting.
func spawnAll[T any](wg *sync.WaitGroup, xs []T, f func(T)) {
	for _, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(x)
		}()
	}
}

func useSpawnAll() {
	var wg sync.WaitGroup
	spawnAll(&wg, []int{1, 2}, func(int) {})
	wg.Wait()
}

// Two WaitGroup fields of one struct are distinct.
type twoGroups struct{ start, stop sync.WaitGroup }

func distinctFields(t *twoGroups) {
	go func() {
		t.start.Add(1)
		go child(&t.start)
		t.stop.Done()
	}()
	t.stop.Wait()
}

// Each worker adds, then reports ready on a second WaitGroup that the
// spawner waits for before its Wait: the Adds are ordered (nats'
// jetstream tests): silent.
func readyBarrier(names []string, work func(string)) {
	var wg, ready sync.WaitGroup
	start := func(name string) {
		wg.Add(1)
		defer wg.Done()
		ready.Done()
		work(name)
	}
	ready.Add(len(names))
	for _, n := range names {
		go start(n)
	}
	ready.Wait()
	wg.Wait()
}

// The goroutine adds, then closes started, which the spawner waits
// for before its Wait: silent.
func startedSignal(work func()) {
	var wg sync.WaitGroup
	started := make(chan struct{})
	go func() {
		wg.Add(1)
		defer wg.Done()
		close(started)
		work()
	}()
	<-started
	wg.Wait()
}
