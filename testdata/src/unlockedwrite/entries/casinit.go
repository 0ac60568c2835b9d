package entries

import (
	"runtime"
	"sync"
	"sync/atomic"
)

const (
	uninitialized int32 = iota
	initializing
	initialized
)

// pollManager builds its polls on the first Pick: the goroutine that
// moves status to initializing runs the set-up, the others retry until
// it is done. Silent.
type pollManager struct {
	status int32
	polls  []int
}

func (m *pollManager) Pick() int {
	for {
		if atomic.LoadInt32(&m.status) == initialized {
			return len(m.polls)
		}
		if !atomic.CompareAndSwapInt32(&m.status, uninitialized, initializing) {
			runtime.Gosched()
			continue
		}
		m.run()
		atomic.StoreInt32(&m.status, initialized)
	}
}

func (m *pollManager) run() {
	defer func() {
		if len(m.polls) == 0 {
			m.polls = nil
		}
	}()
	m.polls = make([]int, 8)
}

func pickAll(m *pollManager) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Go(func() { m.Pick() })
	}
	wg.Wait()
}

// lazyManager's Pick runs the set-up on every call.
type lazyManager struct {
	polls []int
}

func (m *lazyManager) Pick() int {
	m.run()
	return len(m.polls)
}

func (m *lazyManager) run() {
	defer func() {
		if len(m.polls) == 0 {
			m.polls = nil
		}
	}()
	m.polls = make([]int, 8) // want `write to m.polls in a goroutine started in a loop races with the other goroutines`
}

func pickAllLazy(m *lazyManager) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Go(func() { m.Pick() })
	}
	wg.Wait()
}
