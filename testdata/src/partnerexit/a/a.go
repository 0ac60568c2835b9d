package a

import (
	"context"
	"errors"
	"sync"
)

func load() error { return errors.New("x") }

// Bad: the goroutine returns before its Done.
func waitEarlyReturn() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if err := load(); err != nil {
			return
		}
		wg.Done()
	}()
	wg.Wait() // want `wg.Wait may block forever: a goroutine it waits for can return without calling wg.Done`
}

// Silent: deferred Done runs on every path.
func waitDeferred() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := load(); err != nil {
			return
		}
	}()
	wg.Wait()
}

// Silent: the early path panics, which crashes the program.
func waitPanic() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if err := load(); err != nil {
			panic(err)
		}
		wg.Done()
	}()
	wg.Wait()
}

// Silent: Done on both paths.
func waitBoth() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if err := load(); err != nil {
			wg.Done()
			return
		}
		wg.Done()
	}()
	wg.Wait()
}

// Bad: a worker passed the WaitGroup returns early.
func worker(wg *sync.WaitGroup, jobs []int) {
	for _, j := range jobs {
		if j < 0 {
			return
		}
	}
	wg.Done()
}

func waitWorkers(jobs []int) {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(&wg, jobs)
	}
	wg.Wait() // want `wg.Wait may block forever`
}

// Silent: Done per job in a loop is not a per-goroutine Done.
func waitPerJob(jobs chan int) {
	var wg sync.WaitGroup
	go func() {
		for j := range jobs {
			if j < 0 {
				continue
			}
			wg.Done()
		}
	}()
	for i := 0; i < 3; i++ {
		wg.Add(1)
		jobs <- i
	}
	wg.Wait()
}

// Bad: the sender returns on error without sending.
func recvEarlyReturn() error {
	errc := make(chan error)
	go func() {
		if err := load(); err != nil {
			return
		}
		errc <- nil
	}()
	return <-errc // want `receive from errc may block forever: the goroutine that sends on it can return without sending`
}

// Bad: the sender leaves on ctx.Done.
func recvCtx(ctx context.Context) int {
	res := make(chan int)
	go func() {
		select {
		case res <- 1:
		case <-ctx.Done():
			return
		}
	}()
	return <-res // want `receive from res may block forever`
}

// Silent: the waiter selects on ctx too.
func recvSelect(ctx context.Context) int {
	res := make(chan int)
	go func() {
		select {
		case res <- 1:
		case <-ctx.Done():
			return
		}
	}()
	select {
	case v := <-res:
		return v
	case <-ctx.Done():
		return 0
	}
}

// Silent: the early path tells the waiter (closes the channel).
func recvClosed() error {
	errc := make(chan error)
	go func() {
		if err := load(); err != nil {
			close(errc)
			return
		}
		errc <- nil
	}()
	return <-errc
}

// Silent: defer close covers every path.
func recvDeferClose() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		if load() != nil {
			return
		}
	}()
	<-done
}

// Silent: the quit case is never taken: nothing closes or sends on quit.
func recvNeverQuit() int {
	res := make(chan int)
	quit := make(chan struct{})
	go func() {
		select {
		case res <- 1:
		case <-quit:
			return
		}
	}()
	return <-res
}

// Silent: a cancel on the way out may be what the waiter listens to.
func recvCancel(cancel func()) error {
	errc := make(chan error)
	go func() {
		if err := load(); err != nil {
			cancel()
			return
		}
		errc <- nil
	}()
	return <-errc
}

// Silent: two goroutines send; either may complete the receive.
func recvTwo() error {
	errc := make(chan error)
	go func() {
		if load() != nil {
			return
		}
		errc <- nil
	}()
	go func() { errc <- nil }()
	return <-errc
}

type agent struct {
	status chan int
}

func newAgent() *agent { return &agent{status: make(chan int)} }

// run leaves on ctx.Done: the runWait goroutines block forever.
func (a *agent) run(ctx context.Context) {
	for {
		select {
		case s := <-a.status:
			_ = s
		case <-ctx.Done():
			return
		}
	}
}

func (a *agent) runWait(epoch int) {
	a.status <- epoch // want `send on a.status may block forever: the goroutine that receives from it can return first`
}

func (a *agent) restart(ctx context.Context) {
	go func() { a.run(ctx) }()
	go a.runWait(1)
}

type server struct {
	reqs chan int
}

func newServer() *server { return &server{reqs: make(chan int)} }

// loop never returns: the sender always finds it.
func (s *server) loop() {
	for r := range s.reqs {
		_ = r
	}
}

func (s *server) submit(v int) {
	s.reqs <- v
}

func (s *server) start() {
	go s.loop()
	go s.submit(1)
}

type buffered struct {
	out chan int
}

func newBuffered() *buffered { return &buffered{out: make(chan int, 1)} }

func (b *buffered) consume(ctx context.Context) {
	select {
	case <-b.out:
	case <-ctx.Done():
		return
	}
}

// Silent: the buffer holds the one value.
func (b *buffered) produce() { b.out <- 1 }

func (b *buffered) start(ctx context.Context) {
	go b.consume(ctx)
	go b.produce()
}

type watch struct {
	ctx    context.Context
	cancel context.CancelFunc
	errc   chan error
}

func newWatch() *watch {
	ctx, cancel := context.WithCancel(context.Background())
	return &watch{ctx: ctx, cancel: cancel, errc: make(chan error)}
}

// run's ctx.Done case fires only after stop's cancel, which follows
// stop's send.
func (w *watch) run() {
	select {
	case err := <-w.errc:
		_ = err
	case <-w.ctx.Done():
	}
}

// Silent: the sender itself tells the receiver to stop, after its send.
func (w *watch) stop() {
	w.errc <- errors.New("stop")
	w.cancel()
}

func (w *watch) start() {
	go w.run()
	go w.stop()
}

type batch struct {
	ch chan bool
}

func newBatch() *batch { return &batch{ch: make(chan bool)} }

// The loop receives twice, as many times as there are senders: it
// leaves only when its count ends, which the model does not weigh.
func (b *batch) loop() {
	for i := 0; i < 2; i++ {
		<-b.ch
	}
}

// Silent: the receiver leaves only by ending its counted loop.
func (b *batch) put() { b.ch <- true }

func (b *batch) start() {
	go b.loop()
	go b.put()
	go b.put()
}

type crawler struct {
	mu   sync.Mutex
	errs []error
}

// record only appends under the lock: it tells nobody anything.
func (c *crawler) record(err error) {
	c.mu.Lock()
	c.errs = append(c.errs, err)
	c.mu.Unlock()
}

// Bad: the failing goroutine records its error and returns without Done.
func (c *crawler) crawl(urls []string) {
	var wg sync.WaitGroup
	for range urls {
		wg.Add(1)
		go func() {
			if err := load(); err != nil {
				c.record(err)
				return
			}
			wg.Done()
		}()
	}
	wg.Wait() // want `wg.Wait may block forever`
}

type answer struct{ err error }

// query sends on the channel its caller passes, unless ctx ends first.
func query(ctx context.Context, out chan<- answer) {
	select {
	case <-ctx.Done():
		return
	case out <- answer{}:
	}
}

// Bad: the goroutine started on query may take ctx.Done and return.
func resolve(ctx context.Context) error {
	ch := make(chan answer)
	go query(ctx, ch)
	a := <-ch // want `receive from ch may block forever`
	return a.err
}

// queryAlways answers on both paths.
func queryAlways(ctx context.Context, out chan<- answer) {
	select {
	case <-ctx.Done():
		out <- answer{err: ctx.Err()}
	case out <- answer{}:
	}
}

// Silent: the partner answers even when ctx ends.
func resolveAlways(ctx context.Context) error {
	ch := make(chan answer)
	go queryAlways(ctx, ch)
	a := <-ch
	return a.err
}

// drain receives from the channel its caller passes, unless ctx ends.
func drain(ctx context.Context, in <-chan int) {
	select {
	case <-in:
	case <-ctx.Done():
	}
}

// forever receives from the channel its caller passes, without end.
func forever(in <-chan int) {
	for {
		<-in
	}
}

// Silent: one receiver, reached through a parameter, never leaves.
func sendToForever(ctx context.Context) {
	ch := make(chan int)
	go drain(ctx, ch)
	go forever(ch)
	go func() { ch <- 1 }()
}

// Bad: the one receiver, reached through a parameter, may leave on ctx.
func sendToDrain(ctx context.Context) {
	ch := make(chan int)
	go drain(ctx, ch)
	go func() {
		ch <- 1 // want `send on ch may block forever: the goroutine that receives from it can return first`
	}()
}

// Runner has one implementation in the package: a call through it is
// a call of proxy's method.
type Runner interface{ Run(ctx context.Context) }

type proxy struct{ events chan int }

func newProxy() Runner { return &proxy{events: make(chan int)} }

func (p *proxy) Run(ctx context.Context) {
	for {
		select {
		case <-p.events:
		case <-ctx.Done():
			return
		}
	}
}

func (p *proxy) notify(v int) {
	p.events <- v // want `send on p.events may block forever`
}

// Bad: Run, reached through the interface, leaves on ctx.Done.
func startProxy(ctx context.Context) {
	r := newProxy()
	go func() { r.Run(ctx) }()
	go r.(*proxy).notify(1)
}

// Looper has two implementations: a call through it may reach either.
type Looper interface{ Loop(ctx context.Context) }

type loopA struct{ ch chan int }
type loopB struct{}

func (l *loopA) Loop(ctx context.Context) {
	for {
		select {
		case <-l.ch:
		case <-ctx.Done():
			return
		}
	}
}

func (loopB) Loop(ctx context.Context) {}

func (l *loopA) put(v int) { l.ch <- v }

// Silent: who runs loopA.Loop is not known.
func startLoop(ctx context.Context, lp Looper) {
	a := &loopA{ch: make(chan int)}
	go func() { lp.Loop(ctx) }()
	go a.put(1)
}

// Silent: the goroutine leaves only when no case of the switch
// matches, which the author may know cannot happen.
func serve(scheme string) error {
	errc := make(chan error)
	go func() {
		switch scheme {
		case "http":
			errc <- load()
		case "https":
			errc <- nil
		}
	}()
	return <-errc
}

func logf(string, ...any) {}

// Bad: the panic skips the send, and the deferred recover turns it
// into a quiet return.
func recvRecovered(bad bool) error {
	errc := make(chan error)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				logf("recovered: %v", r)
			}
		}()
		if bad {
			panic("bad input")
		}
		errc <- nil
	}()
	return <-errc // want `receive from errc may block forever`
}

// Silent: the recover tells the waiter by closing another channel.
func recvRecoveredTells(bad bool, failed chan struct{}) error {
	errc := make(chan error)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				close(failed)
			}
		}()
		if bad {
			panic("bad input")
		}
		errc <- nil
	}()
	return <-errc
}
