package entries

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

// Handlers run once per request, concurrently.

var hits int
var lastPath string
var byPath = map[string]int{}

func register(mux *http.ServeMux) {
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		hits++                // want `write to hits in a handler races with concurrent requests: no lock is held`
		lastPath = r.URL.Path // want `write to lastPath in a handler races with concurrent requests`
		byPath[r.URL.Path]++  // want `map store into byPath in a handler races with concurrent requests`
	})
}

func counterHandler() http.HandlerFunc {
	n := 0
	return func(w http.ResponseWriter, r *http.Request) {
		n++ // want `write to n in a handler races with concurrent requests`
	}
}

func plainHandler(w http.ResponseWriter, r *http.Request) {
	hits++ // want `write to hits in a handler races`
}

func registerPlain() {
	http.HandleFunc("/p", plainHandler)
}

type server struct {
	mu       sync.Mutex
	requests int
	last     string
	served   atomic.Int64
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.requests++ // want `write to s.requests in ServeHTTP races with concurrent requests`
	s.served.Add(1)
	s.mu.Lock()
	s.last = r.URL.Path
	s.mu.Unlock()
	s.note(r.URL.Path)
}

// note records the path for ServeHTTP.
func (s *server) note(p string) {
	s.last = p // want `write to s.last without holding s.mu, declared after it in the struct`
}

// Silent: the handler locks, uses atomics, writes per-request state.
type goodServer struct {
	mu    sync.Mutex
	count map[string]int
	total atomic.Int64
}

func (s *goodServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.total.Add(1)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.count[r.URL.Path]++
}

type reqState struct{ path string }

func goodHandler(w http.ResponseWriter, r *http.Request) {
	st := &reqState{}
	st.path = r.URL.Path
	var once sync.Once
	once.Do(func() { lastPath = st.path })
	_ = st
}

func registerGood() { http.HandleFunc("/g", goodHandler) }

// Goroutines started in a loop: first-error and result fields.

type group struct {
	wg  sync.WaitGroup
	err error
}

func (g *group) run(fs []func() error) error {
	for _, f := range fs {
		g.wg.Add(1)
		go func() {
			defer g.wg.Done()
			if err := f(); err != nil {
				g.err = err // want `write to g.err in a goroutine started in a loop races with the other goroutines`
			}
		}()
	}
	g.wg.Wait()
	return g.err
}

type result struct {
	total int
	found bool
	names []string
}

func sum(parts [][]int) result {
	var res result
	var wg sync.WaitGroup
	for _, p := range parts {
		wg.Go(func() {
			for _, x := range p {
				res.total += x // want `write to res.total in a goroutine started in a loop`
			}
		})
	}
	wg.Wait()
	return res
}

func search(ctx context.Context, names []string, want string) (bool, error) {
	var g errgroup.Group
	found := false
	var matches []string
	for _, n := range names {
		g.Go(func() error {
			if n == want {
				found = true                 // want `write to found in a goroutine started in a loop`
				matches = append(matches, n) // want `write to matches in a goroutine started in a loop`
			}
			return nil
		})
	}
	err := g.Wait()
	return found, err
}

type acceptor struct {
	active int
	conns  []int
}

func (a *acceptor) serve(c int) {
	a.active++ // want `write to a.active in a goroutine started in a loop`
}

func (a *acceptor) loop(cs []int) {
	for _, c := range cs {
		go a.serve(c)
	}
}

// Silent near-misses.

// Each goroutine writes its own element.
func slots(parts [][]int) []int {
	out := make([]int, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Go(func() {
			for _, x := range p {
				out[i] += x
			}
		})
	}
	wg.Wait()
	return out
}

// The first error under sync.Once, or a mutex.
func firstErrOnce(fs []func() error) error {
	var once sync.Once
	var first error
	var wg sync.WaitGroup
	for _, f := range fs {
		wg.Go(func() {
			if err := f(); err != nil {
				once.Do(func() { first = err })
			}
		})
	}
	wg.Wait()
	return first
}

type safeGroup struct {
	mu  sync.Mutex
	err error
}

func (g *safeGroup) run(fs []func() error) {
	var wg sync.WaitGroup
	for _, f := range fs {
		wg.Go(func() {
			if err := f(); err != nil {
				g.mu.Lock()
				if g.err == nil {
					g.err = err
				}
				g.mu.Unlock()
			}
		})
	}
	wg.Wait()
}

// The first error through a CompareAndSwap: one goroutine only writes.
type casGroup struct {
	set atomic.Bool
	err error
}

func (g *casGroup) run(fs []func() error) {
	var wg sync.WaitGroup
	for _, f := range fs {
		wg.Go(func() {
			if err := f(); err != nil {
				if g.set.CompareAndSwap(false, true) {
					g.err = err
				}
			}
		})
	}
	wg.Wait()
}

// Per-goroutine copies and objects of one iteration.
type worker struct{ done int }

func (w *worker) work() { w.done++ }

func perWorker(ws []*worker) {
	for _, w := range ws {
		go w.work()
	}
	for i := range 3 {
		r := &result{}
		go func() {
			r.total = i
		}()
	}
}

// Results handed over a channel; written after Wait.
func overChannel(parts [][]int) int {
	ch := make(chan int, len(parts))
	for _, p := range parts {
		go func() {
			n := 0
			for _, x := range p {
				n += x
			}
			ch <- n
		}()
	}
	total := 0
	for range parts {
		total += <-ch
	}
	return total
}

// One timer, not in a loop.
func debounce(f func()) *time.Timer {
	fired := 0
	return time.AfterFunc(time.Second, func() {
		fired++
		f()
	})
}

// A helper reached from goroutines started in a loop.
type tally struct{ total int }

func (t *tally) add(n int) {
	t.total += n // want `write to t.total in a goroutine started in a loop races with the other goroutines`
}

func count(t *tally, parts [][]int) {
	var wg sync.WaitGroup
	for _, p := range parts {
		wg.Go(func() { t.add(len(p)) })
	}
	wg.Wait()
}

// Silent: a hand-off through an atomic flag: data written before the
// atomic store is read after the load that sees it.
func pingPong(n int32) {
	type data struct {
		signal int32
		value  int32
	}
	var x data
	done := make(chan bool, 2)
	for p := int32(0); p < 2; p++ {
		go func() {
			for i := int32(1); i < n; i++ {
				if (i+p)%2 == 0 {
					x.value = i
					atomic.StoreInt32(&x.signal, i)
				} else {
					for atomic.LoadInt32(&x.signal) != i {
					}
					_ = x.value
				}
			}
			done <- true
		}()
	}
	<-done
	<-done
}

// Method values: a handler registered as s.handle, a method handed to
// WaitGroup.Go in a loop.
type api struct {
	calls int
	seen  map[string]bool
}

func (a *api) handle(w http.ResponseWriter, r *http.Request) {
	a.calls++ // want `write to a.calls in a handler races with concurrent requests`
}

func (a *api) routes(mux *http.ServeMux) {
	mux.HandleFunc("/api", a.handle)
}

func (a *api) mark() {
	a.seen["x"] = true // want `map store into a.seen in a goroutine started in a loop`
}

func (a *api) markAll(n int) {
	var wg sync.WaitGroup
	for range n {
		wg.Go(a.mark)
	}
	wg.Wait()
}

// Silent: each iteration binds its own receiver.
func (a *api) unmark() {
	a.seen["x"] = false
}

func unmarkEach(as []*api) {
	var wg sync.WaitGroup
	for _, a := range as {
		wg.Go(a.unmark)
	}
	wg.Wait()
}

// Silent: a lock the model does not know (a spinlock) may be held.
type spin struct{ state int32 }

func (s *spin) Lock()   {}
func (s *spin) Unlock() {}

type queue struct {
	l     spin
	items []int
}

func (q *queue) put(v int) {
	q.l.Lock()
	q.items = append(q.items, v)
	q.l.Unlock()
}

func fill(q *queue, n int) {
	for i := range n {
		go q.put(i)
	}
}

// A helper that stores into a package map, called from a handler.
var perPath = map[string]int{}

func countPath(p string) {
	perPath[p]++ // want `map store into perPath in a handler races with concurrent requests`
}

func registerCount(mux *http.ServeMux) {
	mux.HandleFunc("/c", func(w http.ResponseWriter, r *http.Request) {
		countPath(r.URL.Path)
	})
}

// gRPC service methods run once per call, concurrently.
type UnimplementedGreeterServer struct{}

type HelloRequest struct{ Name string }
type HelloReply struct{ Message string }

type greeter struct {
	UnimplementedGreeterServer
	mu    sync.Mutex
	names map[string]int
	calls int
}

func (g *greeter) SayHello(ctx context.Context, in *HelloRequest) (*HelloReply, error) {
	g.calls++ // want `write to g.calls in SayHello races with concurrent requests`
	g.mu.Lock()
	g.names[in.Name]++
	g.mu.Unlock()
	return &HelloReply{Message: "hi " + in.Name}, nil
}

// Silent: the same service, a per-call reply, the count under the lock.
type greeterOK struct {
	UnimplementedGreeterServer
	mu    sync.Mutex
	calls int
}

func (g *greeterOK) SayHello(ctx context.Context, in *HelloRequest) (*HelloReply, error) {
	reply := &HelloReply{}
	reply.Message = in.Name
	g.mu.Lock()
	g.calls++
	g.mu.Unlock()
	return reply, nil
}

// delete on a package map from goroutines started in a loop.
var sessions = map[int]bool{}

func expireAll(ids []int) {
	for _, id := range ids {
		go func() {
			delete(sessions, id) // want `delete on sessions in a goroutine started in a loop`
		}()
	}
}

// A dispatch loop: its receives wait for jobs, not for the goroutines
// it starts, which send nothing.
type dispatcher struct {
	handled int
}

func (d *dispatcher) run(ctx context.Context, jobs <-chan int) {
	var wg sync.WaitGroup
	for {
		select {
		case <-ctx.Done():
			wg.Wait()
			return
		case j := <-jobs:
			wg.Add(1)
			go func() {
				defer wg.Done()
				d.handled += j // want `write to d.handled in a goroutine started in a loop`
			}()
		}
	}
}

// Silent: each goroutine sends its result and the loop receives it
// before starting the next.
func (d *dispatcher) serial(jobs []int) {
	done := make(chan bool)
	for _, j := range jobs {
		go func() {
			d.handled += j
			done <- true
		}()
		<-done
	}
}

// Middleware adapters: the handler literal is made per request of the
// outer handler and served by the decorated handler there and then;
// the variable it writes is that request's own.

type Ctx struct {
	W http.ResponseWriter
	R *http.Request
}

type HandlerFunc func(c *Ctx) error

func WrapMiddleware(m func(http.Handler) http.Handler) func(HandlerFunc) HandlerFunc {
	return func(next HandlerFunc) HandlerFunc {
		return func(c *Ctx) (err error) {
			m(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				c.R = r
				err = next(c)
			})).ServeHTTP(c.W, c.R)
			return
		}
	}
}

// A decorated handler registered on a mux is served for every request:
// the counter it captures is shared.
func registerDecorated(mux *http.ServeMux, m func(http.Handler) http.Handler) {
	served := 0
	mux.Handle("/d", m(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served++ // want `write to served in a handler races with concurrent requests`
	})))
}

// An adapter that has another package serve the handler it built
// (http.StripPrefix's result, here) and then reads what the handler
// set: each request has its own flag, and the handler has run by the
// read. Not reported.
func AdaptFlag(m func(http.Handler) http.Handler) func(w http.ResponseWriter, r *http.Request) bool {
	return func(w http.ResponseWriter, r *http.Request) bool {
		reached := false
		inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			reached = true
		})
		http.StripPrefix("/api", m(inner)).ServeHTTP(w, r)
		return reached
	}
}

// The same read after a registration: the handler serves every request
// to the mux, and the flag is shared by all of them.
func registerFlag(mux *http.ServeMux) bool {
	reached := false
	mux.Handle("/f", http.StripPrefix("/f", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached = true // want `write to reached in a handler races with concurrent requests`
	})))
	return reached
}

var lastUser string

// withAudit is the package's own middleware: its handler runs next on
// every request it serves itself.
func withAudit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
	})
}

func upload(w http.ResponseWriter, r *http.Request) {
	lastUser = r.Header.Get("X-User") // want `write to lastUser in a handler races with concurrent requests`
}

// The named handler, wrapped by the package's middleware, is served
// with the wrapper for every request to the mux.
func registerUpload(mux *http.ServeMux) {
	mux.Handle("/upload", withAudit(http.HandlerFunc(upload)))
}

var lastProbe string

func probe(w http.ResponseWriter, r *http.Request) {
	lastProbe = r.URL.Path
}

// Wrapped the same way but only ever served on the caller's goroutine,
// once per call: not reported.
func runProbe(w http.ResponseWriter, r *http.Request) string {
	withAudit(http.HandlerFunc(probe)).ServeHTTP(w, r)
	return lastProbe
}
