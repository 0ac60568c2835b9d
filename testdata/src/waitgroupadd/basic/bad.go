// Package basic holds goroutines that count themselves (rule 1) and // want package:"analyzed, dependencies too"
// goroutines whose Adds race with their starter's Wait (rule 2).
package basic

import "sync"

func work() {}

// The vet/SA2000 case: Add as the first statement.
func firstStatement() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		go func() {
			wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
			defer wg.Done()
			work()
		}()
	}
	wg.Wait()
}

// Add not first: vet misses this.
func notFirst(items []int) {
	var wg sync.WaitGroup
	for _, it := range items {
		go func() {
			if it < 0 {
				return
			}
			wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
			defer func() { wg.Done() }()
			work()
		}()
	}
	wg.Wait()
}

// Add in a named worker function started by go.
func addWorker(id int, wg *sync.WaitGroup) {
	wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
	defer wg.Done()
	_ = id
}

func startWorkers() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		go addWorker(i, &wg)
	}
	wg.Wait()
}

// A method on a struct whose WaitGroup is a field.
type Pool struct {
	mu sync.Mutex
	wg sync.WaitGroup
	n  int
}

func (p *Pool) handle() {
	p.wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
	defer p.wg.Done()
	p.mu.Lock()
	p.n++
	p.mu.Unlock()
}

func (p *Pool) Start() { // want Start:`waitgroupadd\(carry:p0/1 pub:p0/0 flags=0\)`
	go p.handle()
}

func (p *Pool) Close() { p.wg.Wait() } // want Close:`waitgroupadd\(wait:p0/1 flags=0\)`

// The Add is in a helper in another file.
func viaHelper() {
	var wg sync.WaitGroup
	go func() {
		enter(&wg) // want `sync.WaitGroup.Add called inside the goroutine it accounts for \(via basic.enter\)`
		defer wg.Done()
		work()
	}()
	wg.Wait()
}

// A closure stored in a variable, then started.
func storedClosure() {
	var wg sync.WaitGroup
	f := func() {
		wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
		defer wg.Done()
	}
	go f()
	wg.Wait()
}

// A method value started by go.
type job struct{ wg *sync.WaitGroup }

func (j job) run() {
	j.wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
	defer j.wg.Done()
}

func methodValue(wg *sync.WaitGroup) {
	j := job{wg: wg}
	f := j.run
	go f()
}

// A generic worker.
func genericWorker[T any](wg *sync.WaitGroup, v T) {
	wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
	defer wg.Done()
	_ = v
}

func startGeneric() {
	var wg sync.WaitGroup
	go genericWorker(&wg, "x")
	go genericWorker[int](&wg, 1)
	wg.Wait()
}

// A package-level WaitGroup.
var global sync.WaitGroup

func useGlobal() {
	go func() {
		global.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
		defer global.Done()
	}()
	global.Wait()
}

// An in-flight counter updated by the goroutine itself.
func inflight(items chan int) {
	var wg sync.WaitGroup
	go func() {
		for range items {
			wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
			work()
			wg.Done()
		}
	}()
	wg.Wait()
}

// Rule 2: the goroutine adds for its children while the starter waits.
func child(wg *sync.WaitGroup) { defer wg.Done() }

func spawnerWaits(n int) {
	var wg sync.WaitGroup
	go func() {
		for i := 0; i < n; i++ {
			wg.Add(1) // want `sync.WaitGroup.Add called in a new goroutine, racing with a later Wait`
			go child(&wg)
		}
	}()
	wg.Wait()
}

// Rule 2 with the Wait in a method called after the go statement.
type Server struct {
	wg    sync.WaitGroup
	conns []int
}

func (s *Server) serve() {
	for range s.conns {
		s.wg.Add(1) // want `sync.WaitGroup.Add called in a new goroutine, racing with a later Wait`
		go func() {
			defer s.wg.Done()
			work()
		}()
	}
}

func (s *Server) shutdown() { s.wg.Wait() }

func runServer(s *Server) {
	go s.serve()
	work()
	s.shutdown()
}
