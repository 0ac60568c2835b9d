package tasks

import (
	"errors"
	"fmt"
	"log"
	"sync"
)

type result struct {
	v   int
	err error
}

func decode(s string) (int, error) {
	if s == "" {
		return 0, errors.New("empty")
	}
	return len(s), nil
}

// A panic in a task goroutine that the starter waits for: reported.
func Inspect(srcs []string) []int {
	out := make([]int, len(srcs))
	var wg sync.WaitGroup
	for i, s := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := decode(s)
			if err != nil {
				panic(fmt.Sprintf("bad source %q: %v", s, err)) // want `panic in a goroutine started per task crashes the whole program: nothing in the goroutine recovers it`
			}
			out[i] = v
		}()
	}
	wg.Wait()
	return out
}

// The same, with results collected on a channel.
func Collect(srcs []string) []int {
	ch := make(chan int)
	for _, s := range srcs {
		go func(s string) {
			v, err := decode(s)
			if err != nil {
				panic(err) // want `panic in a goroutine started per task`
			}
			ch <- v
		}(s)
	}
	var out []int
	for range srcs {
		out = append(out, <-ch)
	}
	return out
}

// With wg.Go.
func Each(srcs []string) {
	var wg sync.WaitGroup
	for _, s := range srcs {
		wg.Go(func() {
			if s == "" {
				panic("empty source") // want `panic in a goroutine started per task`
			}
		})
	}
	wg.Wait()
}

// Near miss: the goroutine recovers through a helper it defers.
func protect(r *result) {
	if p := recover(); p != nil {
		r.err = fmt.Errorf("panicked: %v", p)
	}
}

func Guarded(srcs []string) []result {
	out := make([]result, len(srcs))
	var wg sync.WaitGroup
	for i, s := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer protect(&out[i])
			if s == "" {
				panic("empty")
			}
			out[i].v = len(s)
		}()
	}
	wg.Wait()
	return out
}

// Near miss: a deferred func literal recovers.
func GuardedInline(srcs []string) {
	var wg sync.WaitGroup
	for _, s := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					log.Print(r)
				}
			}()
			if s == "" {
				panic("empty")
			}
		}()
	}
	wg.Wait()
}

// Near miss: nobody waits for the goroutines; not treated as tasks.
func FireAndForget(srcs []string) {
	for _, s := range srcs {
		go func() {
			if s == "" {
				panic("empty")
			}
		}()
	}
}

// Near miss: one goroutine, not one per task.
func Serve(run func() error) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := run(); err != nil {
			panic(err)
		}
	}()
	wg.Wait()
}

// Near miss: an impossible case.
func Kinds(ks []int) {
	var wg sync.WaitGroup
	for _, k := range ks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			switch k {
			case 0, 1:
			default:
				panic("unreachable")
			}
		}()
	}
	wg.Wait()
}

// A helper of the package that panics, called by each task.
func mustDecode(s string) int {
	v, err := decode(s)
	if err != nil {
		log.Panicf("decode %q: %v", s, err) // want `panic in a goroutine started per task`
	}
	return v
}

func Helper(srcs []string) []int {
	out := make([]int, len(srcs))
	var wg sync.WaitGroup
	for i, s := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = mustDecode(s)
		}()
	}
	wg.Wait()
	return out
}

// Near miss: a must helper used from several places panics on purpose.
func mustPositive(n int) int {
	if n < 0 {
		panic(fmt.Sprintf("negative: %d", n))
	}
	return n
}

var limit = mustPositive(10)

func Positives(ns []int) []int {
	out := make([]int, len(ns))
	var wg sync.WaitGroup
	for i, n := range ns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = mustPositive(n)
		}()
	}
	wg.Wait()
	return out
}

// Near miss: an assertion with a constant message in a helper.
func step(state int) int {
	if state > 2 {
		panic("step: bad state")
	}
	return state + 1
}

func Steps(states []int) {
	var wg sync.WaitGroup
	for _, s := range states {
		wg.Add(1)
		go func() {
			defer wg.Done()
			step(s)
		}()
	}
	wg.Wait()
}

// A helper that makes the task's I/O or parse failure fatal.
func mustLoad(path string) int {
	v, err := decode(path)
	if err != nil {
		panic(fmt.Sprintf("load %s: %v", path, err)) // want `panic in a goroutine started per task`
	}
	return v
}

func LoadAll(paths []string) []int {
	out := make([]int, len(paths))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = mustLoad(p)
		}()
	}
	wg.Wait()
	return out
}

// Near miss: the helper states an invariant of its callers (each name
// registered once), which no input of the task breaks.
type registry struct {
	mu     sync.Mutex
	gauges map[string]*int
}

func (r *registry) newGauge(name string) *int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.gauges[name]; ok {
		panic(fmt.Sprintf("gauge %s already exists", name))
	}
	g := new(int)
	r.gauges[name] = g
	return g
}

func (r *registry) Workers(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := r.newGauge(fmt.Sprintf("worker_%d", i))
			*g = i
		}()
	}
	wg.Wait()
}

// serve answers requests on one connection until it fails; it returns
// only an error.
func serve(conn string) error {
	for i := 0; ; i++ {
		if _, err := decode(conn[i%len(conn):]); err != nil {
			return fmt.Errorf("conn %s: %w", conn, err)
		}
	}
}

// Near miss: the panic runs only when serve returns no error, which
// serve never does: it asserts serve's contract, no input reaches it.
func ServeAll(conns []string) {
	var wg sync.WaitGroup
	for _, c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := serve(c)
			if err == nil {
				panic("serve returned without an error")
			}
			log.Print(err)
		}()
	}
	wg.Wait()
}

// The bad twin: the same goroutine panics on the error it got.
func ServeAllStrict(conns []string) {
	var wg sync.WaitGroup
	for _, c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := serve(c); err != nil {
				panic(err) // want `panic in a goroutine started per task`
			}
		}()
	}
	wg.Wait()
}
