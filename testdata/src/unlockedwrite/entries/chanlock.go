package entries

import "sync"

// gate is a mutex made of a channel with room for one: acquire puts a
// token in, release takes it out.
type gate chan struct{}

func newGate() gate { return make(gate, 1) }

func (g gate) acquire() { g <- struct{}{} }

func (g gate) release() { <-g }

type frameWriter struct {
	writeMu gate
	buf     []byte
	frames  int
}

func (w *frameWriter) writeFrame(p []byte) {
	w.buf = append(w.buf[:0], p...)
	w.frames++
}

// Silent: every frame is written while the goroutine holds the gate.
func (w *frameWriter) Write(p []byte) {
	w.writeMu.acquire()
	defer w.writeMu.release()
	w.writeFrame(p)
}

func writeAll(w *frameWriter, msgs [][]byte) {
	var wg sync.WaitGroup
	for _, m := range msgs {
		wg.Go(func() { w.Write(m) })
	}
	wg.Wait()
}

// The same writer without the gate races.
type bareWriter struct{ frames int }

func (w *bareWriter) Write(p []byte) {
	w.frames++ // want `write to w.frames in a goroutine started in a loop races with the other goroutines`
}

func writeAllBare(w *bareWriter, msgs [][]byte) {
	var wg sync.WaitGroup
	for _, m := range msgs {
		wg.Go(func() { w.Write(m) })
	}
	wg.Wait()
}

// crawler's slots has room for four: a limiter, four visits at once,
// each writing the shared counters.
type crawler struct {
	slots   chan struct{}
	visited map[string]bool
	errs    int
}

func newCrawler() *crawler {
	return &crawler{slots: make(chan struct{}, 4), visited: map[string]bool{}}
}

func (c *crawler) visit(url string, err error) {
	c.slots <- struct{}{}
	defer func() { <-c.slots }()
	c.visited[url] = true // want `map store into c.visited in a goroutine started in a loop races with the other goroutines`
	if err != nil {
		c.errs++ // want `write to c.errs in a goroutine started in a loop races with the other goroutines`
	}
}

func (c *crawler) run(urls []string, fetch func(string) error) {
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Go(func() { c.visit(u, fetch(u)) })
	}
	wg.Wait()
}

// ingest's sem has room for one: a mutex. The error path writes
// lastErr before taking it.
type ingest struct {
	sem       chan struct{}
	processed int
	lastErr   error
}

func newIngest() *ingest { return &ingest{sem: make(chan struct{}, 1)} }

func (s *ingest) observe(err error) {
	if err != nil {
		s.lastErr = err // want `write to s.lastErr in a goroutine started in a loop races with the other goroutines`
		return
	}
	s.sem <- struct{}{}
	defer func() { <-s.sem }()
	s.processed++ // silent: sem is held
	s.lastErr = nil
}

func (s *ingest) run(errs []error) {
	var wg sync.WaitGroup
	for _, e := range errs {
		wg.Go(func() { s.observe(e) })
	}
	wg.Wait()
}

var _, _ = newCrawler, newIngest
