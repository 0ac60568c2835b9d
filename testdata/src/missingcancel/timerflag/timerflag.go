// Package timerflag: cancels kept as "timer pending" flags, and
// cancels a function literal made earlier calls through the variable.
package timerflag

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Debounce runs fire once the input has been quiet for delay. The
// cancel only marks a pending timer; the goroutine waits out the
// deadline, when the timer has released the context anyway.
type Debounce struct {
	mu     sync.Mutex
	cancel context.CancelFunc
	text   []rune
	fire   func(string)
}

func (d *Debounce) pending() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.cancel != nil
}

func (d *Debounce) setCancel(f context.CancelFunc) { // want setCancel:"ignoresParams\\[1\\]"
	d.mu.Lock()
	d.cancel = f
	d.mu.Unlock()
}

func (d *Debounce) Add(r rune) {
	d.mu.Lock()
	d.text = append(d.text, r)
	d.mu.Unlock()
	if d.pending() {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	d.setCancel(cancel)
	go func() {
		<-ctx.Done()
		d.mu.Lock()
		s := string(d.text)
		d.cancel = nil
		d.mu.Unlock()
		d.fire(s)
	}()
}

// Flusher does the same with the context in a variable the goroutine
// reads after it was reassigned.
type Flusher struct {
	mu    sync.Mutex
	timer context.CancelFunc
	flush func()
}

func (f *Flusher) Schedule(delay time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.timer != nil {
		return
	}
	var ctx context.Context
	ctx, f.timer = context.WithDeadline(context.Background(), time.Now().Add(delay))
	go func() {
		<-ctx.Done()
		f.mu.Lock()
		f.timer = nil
		f.mu.Unlock()
		f.flush()
	}()
}

// Worker keeps the cancel of a context it hands to long work as a
// "busy" flag, and never calls it: the work's context lives until the
// deadline an hour away, even once the work is done.
type Worker struct {
	mu     sync.Mutex
	cancel context.CancelFunc
}

func (w *Worker) Run(work func(context.Context) error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour) // want `the cancel function returned by context.WithTimeout is never called`
	w.mu.Lock()
	w.cancel = cancel
	w.mu.Unlock()
	go func() {
		_ = work(ctx)
		w.mu.Lock()
		w.cancel = nil
		w.mu.Unlock()
	}()
}

// Poller waits on the deadline only on some paths: when quit comes
// first the context is left to its timer, an hour later.
type Poller struct {
	cancel context.CancelFunc
	quit   chan struct{}
}

func (p *Poller) Arm() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour) // want `the cancel function returned by context.WithTimeout is never called`
	p.cancel = cancel
	go func() {
		select {
		case <-ctx.Done():
		case <-p.quit:
		}
	}()
}

// A watch callback made before the context calls the cancel the
// variable holds when it runs.
type source struct {
	watch func() error
}

func (s *source) run(ctx context.Context) error { return s.watch() }

func ListThenStop(parent context.Context) error {
	var cancel context.CancelCauseFunc
	src := &source{watch: func() error {
		cancel(errors.New("done"))
		return nil
	}}
	var ctx context.Context
	ctx, cancel = context.WithCancelCause(parent)
	return src.run(ctx)
}

// A literal made earlier that never calls the variable does not help.
func ListThenForget(parent context.Context) error {
	var cancel context.CancelCauseFunc
	src := &source{watch: func() error {
		_ = cancel == nil
		return nil
	}}
	var ctx context.Context
	ctx, cancel = context.WithCancelCause(parent) // want `the cancel function returned by context.WithCancelCause is never called`
	return src.run(ctx)
}

// Refresher hands the timer context to a method started with go, and
// a literal hands it to a helper: both only wait out the deadline.
type Refresher struct {
	mu      sync.Mutex
	cancel  context.CancelFunc
	refresh func()
}

func (r *Refresher) Touch() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cancel != nil {
		return
	}
	var ctx context.Context
	ctx, r.cancel = context.WithTimeout(context.Background(), time.Second)
	go r.refreshAfter(ctx)
}

func (r *Refresher) refreshAfter(ctx context.Context) {
	<-ctx.Done()
	r.mu.Lock()
	r.cancel = nil
	r.mu.Unlock()
	r.refresh()
}

func waitOut(ctx context.Context) { <-ctx.Done() }

func (r *Refresher) TouchLater() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cancel != nil {
		return
	}
	var ctx context.Context
	ctx, r.cancel = context.WithTimeout(context.Background(), time.Second)
	go func() {
		waitOut(ctx)
		r.mu.Lock()
		r.cancel = nil
		r.mu.Unlock()
		r.refresh()
	}()
}

// A method given the context that does work with it, or waits on it
// only on some paths, keeps the context in use: its cancel is needed.
type Syncer struct {
	mu     sync.Mutex
	cancel context.CancelFunc
	quit   chan struct{}
	sync   func(context.Context) error
}

func (s *Syncer) Start() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour) // want `the cancel function returned by context.WithTimeout is never called`
	s.mu.Lock()
	s.cancel = cancel
	s.mu.Unlock()
	go s.run(ctx)
}

func (s *Syncer) run(ctx context.Context) {
	_ = s.sync(ctx)
	<-ctx.Done()
}

func (s *Syncer) StartWatch() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour) // want `the cancel function returned by context.WithTimeout is never called`
	s.mu.Lock()
	s.cancel = cancel
	s.mu.Unlock()
	go s.watch(ctx)
}

func (s *Syncer) watch(ctx context.Context) {
	select {
	case <-ctx.Done():
	case <-s.quit:
	}
}
