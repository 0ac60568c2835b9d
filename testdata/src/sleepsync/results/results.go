// Package results: goroutines that fill a slice or map the function // want package:"analyzed, dependencies too"
// returns after a sleep instead of waiting for them (guide §2.3).
package results

import (
	"log"
	"sync"
	"time"
)

type thumb struct {
	name string
	pix  []byte
}

func render(name string) *thumb { return &thumb{name: name} }

// Adapted from a blind case: one goroutine per image fills r.out[i];
// the method returns r.out after a fixed sleep.
type renderer struct {
	out []*thumb
}

func (r *renderer) renderOne(i int, name string) {
	r.out[i] = render(name)
}

func (r *renderer) renderAll(names []string) []*thumb {
	r.out = make([]*thumb, len(names))
	for i, n := range names {
		go r.renderOne(i, n)
	}
	time.Sleep(2 * time.Second) // want `time.Sleep used to wait for a goroutine started at line 31`
	log.Printf("rendered %d thumbnails", len(r.out))
	return r.out
}

// A local slice filled by closures.
func uploadAll(files []string, upload func(string) error) []error {
	errs := make([]error, len(files))
	for i, f := range files {
		go func() { errs[i] = upload(f) }()
	}
	time.Sleep(time.Second) // want `time.Sleep used to wait for a goroutine started at line 42`
	return errs
}

// A map filled under a lock is still returned before it is filled.
func sizes(names []string, stat func(string) int) map[string]int {
	var mu sync.Mutex
	m := make(map[string]int)
	for _, n := range names {
		go func() {
			s := stat(n)
			mu.Lock()
			m[n] = s
			mu.Unlock()
		}()
	}
	time.Sleep(time.Second) // want `time.Sleep used to wait for a goroutine started at line 53`
	return m
}

// Silent: the sleep only delays the start; Wait joins before the return.
func uploadAllJoined(files []string, upload func(string) error) []error {
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = upload(f)
		}()
	}
	time.Sleep(10 * time.Millisecond)
	wg.Wait()
	return errs
}

// Silent: a service whose state the goroutine keeps updating; the
// caller gets the running service, not results.
type service struct {
	ticks int
	stop  chan struct{}
}

func (s *service) loop() {
	for {
		select {
		case <-s.stop:
			return
		default:
			s.ticks++
		}
	}
}

func startService() *service {
	s := &service{stop: make(chan struct{})}
	go s.loop()
	time.Sleep(10 * time.Millisecond)
	return s
}

// Silent: the returned slice is not what the goroutines write.
func unrelated(names []string, sink []*thumb) []string {
	for i, n := range names {
		go func() { sink[i] = render(n) }()
	}
	time.Sleep(time.Second)
	return names
}

// Silent: the sleep is inside the goroutines (pacing), the results
// are sent back and received.
func paced(names []string) []*thumb {
	ch := make(chan *thumb)
	for _, n := range names {
		go func() {
			time.Sleep(10 * time.Millisecond)
			ch <- render(n)
		}()
	}
	out := make([]*thumb, 0, len(names))
	for range names {
		out = append(out, <-ch)
	}
	return out
}

// Silent: pacing the starts, in the loop that starts them.
func staggered(names []string, sink []*thumb) []*thumb {
	out := make([]*thumb, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = render(n)
		}()
		time.Sleep(time.Millisecond)
	}
	wg.Wait()
	return out
}

// Silent (adapted from a blind case): the sleep is a load window;
// stop is closed and Wait joins every client before the stats are read.
type stats struct{ ok, failed int }

func soak(do func() error, clients int, window time.Duration) (total stats) {
	st := make([]stats, clients)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if do() != nil {
					st[c].failed++
				} else {
					st[c].ok++
				}
			}
		}()
	}
	time.Sleep(window)
	close(stop)
	wg.Wait()
	for _, s := range st {
		total.ok += s.ok
		total.failed += s.failed
	}
	return total
}

// Results appended under a lock and copied out under it: the lock
// orders the critical sections, it does not wait for the goroutines.
type collector struct {
	mu  sync.Mutex
	got []string
}

func (c *collector) fetchAll(urls []string, fetch func(string) string) []string {
	for _, u := range urls {
		go func() {
			body := fetch(u)
			c.mu.Lock()
			c.got = append(c.got, body)
			c.mu.Unlock()
		}()
	}
	time.Sleep(time.Second) // want `time.Sleep used to wait for a goroutine started at line 192`
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.got...)
}

// The filled slice returned from under a deferred unlock.
func (c *collector) fetchInto(urls []string, fetch func(string) string) []string {
	out := make([]string, len(urls))
	for i, u := range urls {
		go func() { out[i] = fetch(u) }()
	}
	time.Sleep(time.Second) // want `time.Sleep used to wait for a goroutine started at line 209`
	c.mu.Lock()
	defer c.mu.Unlock()
	return out
}

// Silent: a deferred call that may wait for the goroutines runs
// before the caller sees the results.
func fetchDeferredWait(urls []string, fetch func(string) string) []string {
	var wg sync.WaitGroup
	defer wg.Wait()
	out := make([]string, len(urls))
	for i, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = fetch(u)
		}()
	}
	time.Sleep(time.Millisecond)
	return out
}
