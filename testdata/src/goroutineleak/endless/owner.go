package endless

import (
	"context"
	"net/http"
	"os"
	"time"
)

// A janitor whose owner can be closed: Close releases the file but
// the loop goes on.
type Janitor struct {
	f *os.File
}

func NewJanitor(f *os.File) *Janitor {
	j := &Janitor{f: f}
	go j.sweep() // want `goroutine never terminates: its loop has no exit, and one is started on every call of NewJanitor; Janitor.Close does not stop it`
	return j
}

func (j *Janitor) sweep() {
	for {
		time.Sleep(time.Minute)
		work()
	}
}

func (j *Janitor) Close() error { return j.f.Close() }

// One refresher per request, each running for ever.
func Export(w http.ResponseWriter, r *http.Request) {
	go func() { // want `goroutine never terminates: time.Tick\(time.Second\) can be neither stopped nor closed, so ranging over it never ends; select on a done channel too`
		for range time.Tick(time.Second) {
			work()
		}
	}()
	w.WriteHeader(http.StatusOK)
}

// A refresher per call of a helper that an accept loop of the
// package runs: one per name received, for ever.
func refreshAll(names <-chan string) {
	for n := range names {
		watchOne(n)
	}
}

// A counted loop over a fixed list makes a fixed pool: silent.
func watchFixed(names []string) {
	for _, n := range names {
		watchTwo(n)
	}
}

func watchOne(name string) {
	go func() { // want `goroutine never terminates: its loop has no exit, and one is started on every call of watchOne`
		for {
			time.Sleep(time.Second)
			println(name)
		}
	}()
}

// The same helper run once, from a constructor without a way to stop
// what it starts, or from a counted loop: silent.
type Registry struct{}

func NewRegistry() *Registry {
	watchTwo("registry")
	return &Registry{}
}

func watchTwo(name string) {
	go func() { // silent: nothing shows its starter runs again, nor a way to stop it
		for {
			time.Sleep(time.Second)
			println(name)
		}
	}()
}

// A function given a context does work for a request: a sampler it
// starts for ever outlives every request.
func Lookup(ctx context.Context, q string) string {
	go func() { // want `goroutine never terminates: its loop has no exit, and one is started on every call of Lookup, whose context it ignores`
		for {
			time.Sleep(10 * time.Second)
			work()
		}
	}()
	return q
}

// A feeder whose starter never returns: the starter's loop is its
// partner for the life of the process. Silent.
func RunUI(stats <-chan int) {
	redraw := make(chan int)
	go func() { // silent: RunUI never returns
		for {
			v := <-stats
			work()
			redraw <- v
		}
	}()
	for {
		println(<-redraw)
	}
}

// The same feeder whose starter returns: it blocks for good on its
// send once RunOnce stops receiving.
func RunOnce(stats <-chan int) int {
	redraw := make(chan int)
	go func() { // want `goroutine never terminates: its loop has no exit, and one is started on every call of RunOnce`
		for {
			v := <-stats
			work()
			redraw <- v
		}
	}()
	return <-redraw
}
