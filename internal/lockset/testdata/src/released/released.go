package released

import "sync"

func probe(*sync.Mutex)    {}
func mustHold(*sync.Mutex) {}

func unlocked(mu *sync.Mutex) {
	mu.Lock()
	mu.Unlock()
	probe(mu) // want `released at line 10, entry false`
}

// The caller may hold it: nothing known.
func unknownEntry(mu *sync.Mutex) {
	probe(mu)
}

func held(mu *sync.Mutex) {
	mu.Unlock()
	mu.Lock()
	probe(mu)
}

// Released on both branches: the first branch's release is kept.
func bothBranches(mu *sync.Mutex, c bool) {
	mu.Lock()
	if c {
		mu.Unlock()
	} else {
		mu.Unlock()
	}
	probe(mu) // want `released at line \d+, entry false`
}

func oneBranch(mu *sync.Mutex, c bool) {
	mu.Lock()
	if c {
		mu.Unlock()
	}
	probe(mu)
}

// Another mutex: silent.
func other(mu, other *sync.Mutex) {
	other.Lock()
	other.Unlock()
	probe(mu)
}

// A function value may lock it again.
func touched(mu *sync.Mutex, f func()) {
	mu.Lock()
	mu.Unlock()
	f()
	probe(mu)
}

// A callee of the package that returns holding it.
func relock(mu *sync.Mutex) { mu.Lock() }

func viaCallee(mu *sync.Mutex) {
	mu.Unlock()
	relock(mu)
	probe(mu)
}

// A callee that unlocks.
func release(mu *sync.Mutex) { mu.Unlock() }

func releasedByCallee(mu *sync.Mutex) {
	mu.Lock()
	release(mu)
	probe(mu) // want `released at line 73, entry false`
}

// A deferred unlock releases only at the return.
func deferred(mu *sync.Mutex) {
	mu.Lock()
	defer mu.Unlock()
	probe(mu)
}

// A goroutine starts without its starter's locks.
func goroutine(mu *sync.Mutex) {
	go func() {
		probe(mu) // want `free since entry`
	}()
	go func() {
		mu.Lock()
		probe(mu)
		mu.Unlock()
		probe(mu) // want `released at line 92, entry false`
	}()
}

// A path through mustHold without the lock ends there (it panics);
// after it on the others the mutex is held.
func ends(mu *sync.Mutex, c bool) {
	if c {
		mu.Lock()
	}
	for {
		mu.Unlock()
		probe(mu) // want `released at line 104, entry false`
		mustHold(mu)
		probe(mu)
	}
}

func tryLock(mu *sync.Mutex) {
	mu.Unlock()
	mu.TryLock()
	probe(mu)
}
