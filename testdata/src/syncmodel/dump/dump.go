package dump

import (
	"context"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

type server struct {
	mu    sync.Mutex
	wg    sync.WaitGroup
	cond  *sync.Cond
	once  sync.Once
	done  chan struct{}
	count int
}

func newServer() *server {
	s := &server{done: make(chan struct{})}
	s.cond = sync.NewCond(&s.mu)
	return s
}

// start runs workers by a go statement and by WaitGroup.Go; the
// captured s is the receiver, so s.wg is one object in all three.
func (s *server) start(n int) {
	for i := 0; i < n; i++ {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.mu.Lock()
			s.count++
			s.mu.Unlock()
		}()
	}
	s.wg.Go(s.work)
}

func (s *server) work() {
	select {
	case <-s.done:
		return
	default:
	}
	time.Sleep(time.Millisecond)
}

func (s *server) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.once.Do(func() { close(s.done) })
	s.wg.Wait()
}

func (s *server) await() {
	s.mu.Lock()
	for s.count == 0 {
		s.cond.Wait()
	}
	s.mu.Unlock()
}

func (s *server) bump() {
	s.mu.Lock()
	s.count++
	s.cond.Broadcast()
	s.mu.Unlock()
	s.cond.Signal()
}

// A local WaitGroup captured by a literal and passed to a helper: one
// object, by the literal's binding and by the helper's call site.
func fanOut(jobs []int) error {
	var wg sync.WaitGroup
	results := make(chan int)
	for _, j := range jobs {
		wg.Add(1)
		go worker(&wg, j, results)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	for range results {
	}
	var g errgroup.Group
	g.Go(func() error {
		if len(jobs) == 0 {
			return nil
		}
		panic("boom")
	})
	return g.Wait()
}

func worker(wg *sync.WaitGroup, j int, out chan<- int) {
	defer wg.Done()
	if j < 0 {
		return
	}
	out <- j
}

// A literal inside a literal: wg is still the maker's variable.
func nested() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		func() {
			defer wg.Done()
		}()
	}()
	wg.Wait()
}

// Two servers: one field of two instances is one object by Same (the
// partners across the package), two by SameInstance (here).
func twoServers(a, b *server) {
	a.wg.Add(1)
	b.wg.Wait()
	a.wg.Wait()
}

// early can leave before its send (a return statement, or the
// ctx.Done() case it takes instead) and before its Done; note only
// logs, so it tells nobody anything.
func early(ctx context.Context, wg *sync.WaitGroup, out chan int) {
	if ctx.Err() != nil {
		note()
		return
	}
	select {
	case out <- 1:
	case <-ctx.Done():
		return
	}
	wg.Done()
}

func note() {}

// tells closes a channel on its way out: not a quiet exit.
func tells(wg *sync.WaitGroup, quit chan struct{}) {
	if quit == nil {
		close(quit)
		return
	}
	wg.Done()
}
