// Goroutines that run for ever, started per object or per call.
package endless

import (
	"context"
	"log"
	"sync"
	"time"
)

func work() {}

// Shape 1: the ctx.Done() case breaks out of the select only.
type agent struct{ events chan int }

func newAgent(ctx context.Context) *agent {
	a := &agent{events: make(chan int, 8)}
	go a.loop(ctx) // want `goroutine never terminates: its loop has no exit \(the <-ctx.Done\(\) case leaves only the select, not the loop\)`
	return a
}

func (a *agent) loop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			log.Print("stopping")
			break
		case e := <-a.events:
			log.Print(e)
		}
	}
}

// Near miss: the ctx.Done() case returns.
func newAgentOK(ctx context.Context) *agent {
	a := &agent{events: make(chan int, 8)}
	go a.loopOK(ctx)
	return a
}

func (a *agent) loopOK(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case e := <-a.events:
			log.Print(e)
		}
	}
}

// Near miss: a labelled break leaves the loop.
func newAgentLabelled(ctx context.Context) *agent {
	a := &agent{events: make(chan int, 8)}
	go func() {
	loop:
		for {
			select {
			case <-ctx.Done():
				break loop
			case e := <-a.events:
				log.Print(e)
			}
		}
		log.Print("stopped")
	}()
	return a
}

// Shape 1: a closed input is set to nil and the loop waits on, for
// ever once both are closed.
func Merge(a, b <-chan int) <-chan int {
	out := make(chan int)
	go func() { // want `goroutine never terminates: its loop has no exit \(seeing a closed does not end it\)`
		for {
			select {
			case v, ok := <-a:
				if !ok {
					a = nil
					continue
				}
				out <- v
				work()
			case v, ok := <-b:
				if !ok {
					b = nil
					continue
				}
				out <- v
			}
		}
	}()
	return out
}

// Near miss: the loop ends once both are nil.
func MergeOK(a, b <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for a != nil || b != nil {
			select {
			case v, ok := <-a:
				if !ok {
					a = nil
					continue
				}
				out <- v
				work()
			case v, ok := <-b:
				if !ok {
					b = nil
					continue
				}
				out <- v
			}
		}
	}()
	return out
}

// Shape 1: v, ok := <-ch; if !ok { continue } spins once ch is closed.
func Forward(in <-chan int, f func(int)) {
	go func() { // want `goroutine never terminates: its loop has no exit \(seeing in closed does not end it\)`
		for {
			v, ok := <-in
			if !ok {
				continue
			}
			f(v)
		}
	}()
}

// Near miss: !ok returns.
func ForwardOK(in <-chan int, f func(int)) {
	go func() {
		for {
			v, ok := <-in
			if !ok {
				return
			}
			f(v)
		}
	}()
}

// Shape 1: the quit case, closed by Close, only leaves the select.
type pump struct {
	quit chan struct{}
	in   chan int
}

func newPump() *pump {
	p := &pump{quit: make(chan struct{}), in: make(chan int)}
	go p.run() // want `goroutine never terminates: its loop has no exit \(the <-p.quit case leaves only the select, not the loop\)`
	return p
}

func (p *pump) run() {
	for {
		select {
		case <-p.quit:
			work()
		case v := <-p.in:
			log.Print(v)
		}
	}
}

func (p *pump) Close() { close(p.quit) }

// Near miss: a broadcast channel, closed and made anew, is waited on
// again on purpose; the loop is started once, from init.
type notifier struct {
	mu      sync.Mutex
	changed chan struct{}
}

func (n *notifier) notify() {
	n.mu.Lock()
	close(n.changed)
	n.changed = make(chan struct{})
	n.mu.Unlock()
}

func (n *notifier) watch() {
	for {
		n.mu.Lock()
		ch := n.changed
		n.mu.Unlock()
		select {
		case <-ch:
			work()
		case <-time.After(time.Minute):
		}
	}
}

var global = &notifier{changed: make(chan struct{})}

func init() { go global.watch() }

func Notify() { global.notify() }

// Shape 2: a refresh loop started by a constructor, per Cache. Cache
// has no way to be stopped: the programs read so far make one at
// set-up, for the life of the process (see Janitor for one that has).
type Cache struct{ every time.Duration }

func NewCache(every time.Duration) *Cache {
	c := &Cache{every: every}
	go c.refresh() // silent: nothing shows its starter runs again, nor a way to stop it
	return c
}

func (c *Cache) refresh() {
	for {
		time.Sleep(c.every)
		work()
	}
}

// Shape 2 through a closure variable, from a method of a type that
// cannot be stopped.
type Monitor struct{}

func (m *Monitor) Watch(every time.Duration) {
	check := func() {
		for {
			work()
			time.Sleep(every)
		}
	}
	go check() // silent: nothing shows its starter runs again, nor a way to stop it
}

// Shape 2 through wg.Go, in a counted loop of a constructor: a fixed
// pool per Dispatcher, which nothing stops, and nothing shows a second
// one made.
type Dispatcher struct {
	wg    sync.WaitGroup
	inbox chan int
}

func NewDispatcher(n int) *Dispatcher {
	d := &Dispatcher{inbox: make(chan int)}
	for range n {
		d.wg.Go(func() { // silent: a fixed pool, for the life of the process
			for {
				v := <-d.inbox
				log.Print(v)
			}
		})
	}
	return d
}

func (d *Dispatcher) Publish(v int) { d.inbox <- v }

// Shape 2 through a generic function, with no owner to stop it.
func Poll[T any](get func() T, every time.Duration) {
	go poll(get, every) // silent: nothing shows its starter runs again, nor a way to stop it
}

func poll[T any](get func() T, every time.Duration) {
	for {
		log.Print(get())
		time.Sleep(every)
	}
}

// Near miss: the loop returns when asked to.
type Cache2 struct {
	every time.Duration
	stop  chan struct{}
}

func NewCache2(every time.Duration) *Cache2 {
	c := &Cache2{every: every, stop: make(chan struct{})}
	go c.refresh()
	return c
}

func (c *Cache2) refresh() {
	t := time.NewTicker(c.every)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
			work()
		}
	}
}

func (c *Cache2) Close() { close(c.stop) }

// Near miss: started from a sync.Once: one per process.
var (
	once    sync.Once
	current *Cache
)

func Default() *Cache {
	once.Do(func() {
		current = &Cache{every: time.Minute}
		go current.refresh()
	})
	return current
}

// Near miss: started from a package-level initializer, through a helper.
var sink = startSink()

func startSink() *Cache {
	c := &Cache{every: time.Second}
	go c.refresh()
	return c
}

// Shape 3: for range ticker.C; Close stops the ticker, which does not
// close its channel. Close is given as related information.
type Session struct{ ticker *time.Ticker }

func Dial(d time.Duration) *Session {
	s := &Session{ticker: time.NewTicker(d)}
	go func() { // want `goroutine never terminates: Stop does not close s.ticker.C, so ranging over it never ends; select on a done channel too`
		for range s.ticker.C {
			work()
		}
	}()
	return s
}

func (s *Session) Close() { s.ticker.Stop() }

// Shape 3 with time.Tick, in a function nothing shows to run again.
func KeepAlive(d time.Duration) {
	go func() { // silent: nothing shows its starter runs again, nor a way to stop it
		for range time.Tick(d) {
			work()
		}
	}()
}

// Near miss: the ticker loop also selects on a done channel.
func KeepAliveOK(ctx context.Context, d time.Duration) {
	t := time.NewTicker(d)
	go func() {
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				work()
			}
		}
	}()
}

// Near miss: a ranging loop left by a return.
func KeepAliveUntil(d time.Duration, n int) {
	go func() {
		i := 0
		for range time.Tick(d) {
			if i++; i == n {
				return
			}
			work()
		}
	}()
}

// Shape 4: Close closes stop, which the pump never reads.
type BatchWriter struct {
	in   chan int
	stop chan struct{}
}

func NewBatchWriter() *BatchWriter {
	w := &BatchWriter{in: make(chan int), stop: make(chan struct{})}
	go w.pump() // want `goroutine never terminates: its loop has no exit, and one is started on every call of NewBatchWriter; BatchWriter.Close does not stop it`
	return w
}

func (w *BatchWriter) pump() {
	for {
		select {
		case v := <-w.in:
			log.Print(v)
		case <-time.After(time.Second):
			work()
		}
	}
}

func (w *BatchWriter) Close() error {
	close(w.stop)
	return nil
}

// Near miss: parked on purpose.
func Park() {
	go func() {
		work()
		select {}
	}()
}

// Shape 1 with another exit: once ctx is done the loop spins on it
// until in closes.
func Spin(ctx context.Context, in <-chan int) {
	go func() { // want `goroutine does not terminate when asked to: the <-ctx.Done\(\) case leaves only the select, not the loop`
		for {
			select {
			case <-ctx.Done():
				log.Print("done")
				break
			case v, ok := <-in:
				if !ok {
					return
				}
				log.Print(v)
			}
		}
	}()
}

// Near miss: a context made per attempt; its Done case retries.
func Retry(parent context.Context, in <-chan int) {
	go func() {
		for {
			ctx, cancel := context.WithTimeout(parent, time.Second)
			select {
			case <-ctx.Done():
				cancel()
				continue
			case v, ok := <-in:
				cancel()
				if !ok {
					return
				}
				log.Print(v)
			}
		}
	}()
}

// Near miss: a subscriber that subscribes again when its channel
// closes, started once from init.
type sub struct{ c chan int }

func subscribe() *sub { return &sub{c: make(chan int)} }

func (s *sub) feed(v int) { s.c <- v }

func (s *sub) end() { close(s.c) }

func reconnecting() {
	s := subscribe()
	for {
		v, ok := <-s.c
		if !ok {
			s = subscribe()
			continue
		}
		log.Print(v)
	}
}

func init() { go reconnecting() }

// Near miss: the quit case starts a drain that returns once empty.
type drainer struct {
	quit chan struct{}
	in   chan int
}

func newDrainer() *drainer {
	d := &drainer{quit: make(chan struct{}), in: make(chan int, 8)}
	go d.run()
	return d
}

func (d *drainer) run() {
	quit := d.quit
	draining := false
	for {
		if draining && len(d.in) == 0 {
			return
		}
		select {
		case <-quit:
			quit = nil
			draining = true
		case v := <-d.in:
			log.Print(v)
		}
	}
}

func (d *drainer) Close() { close(d.quit) }

// Near miss: flush is a request channel. Its case only leaves the
// select, as a request's should; Close stops the loop through stop,
// whose case leaves the loop, waits for it, and only then closes
// flush: the owner's way to stop is stop.
type batcher struct {
	lines chan string
	flush chan struct{}
	stop  chan struct{}
	done  chan struct{}
}

func newBatcher() *batcher {
	b := &batcher{lines: make(chan string), flush: make(chan struct{}), stop: make(chan struct{}), done: make(chan struct{})}
	go b.run()
	return b
}

func (b *batcher) run() {
	var buf []string
loop:
	for {
		select {
		case l := <-b.lines:
			buf = append(buf, l)
		case <-b.flush:
			if len(buf) == 0 {
				break
			}
			log.Print(buf)
			buf = buf[:0]
		case <-b.stop:
			break loop
		}
	}
	close(b.done)
}

func (b *batcher) Flush() { b.flush <- struct{}{} }

func (b *batcher) Close() {
	close(b.stop)
	<-b.done
	b.shut()
}

// shut closes the request channels once the loop is gone.
func (b *batcher) shut() {
	close(b.flush)
	close(b.lines)
}

// The same loop, but its owner's stop is the request-like case: Close
// closes hush, whose case only leaves the select, and kill, the case
// that leaves the loop, is closed only by Kill, which Close does not
// call first.
type muter struct {
	lines chan string
	hush  chan struct{}
	kill  chan struct{}
}

func newMuter() *muter {
	m := &muter{lines: make(chan string), hush: make(chan struct{}), kill: make(chan struct{})}
	go m.run() // want `goroutine does not terminate when asked to: the <-m.hush case leaves only the select, not the loop`
	return m
}

func (m *muter) run() {
	for {
		select {
		case l := <-m.lines:
			log.Print(l)
		case <-m.hush:
			log.Print("muted")
		case <-m.kill:
			return
		}
	}
}

func (m *muter) Close() { close(m.hush) }

func (m *muter) Kill() { close(m.kill) }

// Near miss: ready is an event the loop takes once; the case turns
// itself off by setting its channel to nil, and stop ends the loop.
type upgrader struct {
	ready   chan struct{}
	stop    chan struct{}
	upgrade chan chan error
	once    sync.Once
}

func newUpgrader() *upgrader {
	u := &upgrader{ready: make(chan struct{}), stop: make(chan struct{}), upgrade: make(chan chan error)}
	go u.run()
	return u
}

func (u *upgrader) Ready() { close(u.ready) }

func (u *upgrader) Stop() { u.once.Do(func() { close(u.stop) }) }

func (u *upgrader) run() {
	ready := u.ready
	for {
		select {
		case <-ready:
			ready = nil
		case <-u.stop:
			return
		case req := <-u.upgrade:
			if ready != nil {
				req <- nil
				continue
			}
			work()
			req <- nil
		}
	}
}

// The same loop whose quit case only logs, however it sets another
// variable to nil, does not stop when Close closes quit.
type relay struct {
	quit chan struct{}
	in   chan int
}

func newRelay() *relay {
	r := &relay{quit: make(chan struct{}), in: make(chan int)}
	go r.run() // want `goroutine never terminates: its loop has no exit \(the <-quit case leaves only the select, not the loop\)`
	return r
}

func (r *relay) Close() { close(r.quit) }

func (r *relay) run() {
	quit, in := r.quit, r.in
	for {
		select {
		case <-quit:
			log.Print("relay: stopping")
			in = nil
		case v := <-in:
			log.Print(v)
		}
	}
}
