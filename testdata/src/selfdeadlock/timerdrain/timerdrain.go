// The drain of a stopped timer whose value the goroutine may already
// have taken, and near-misses that stay silent.
package timerdrain

import (
	"context"
	"time"
)

// A debouncer: the loop takes the timer's value in one case and, on a
// later reset request, drains the timer again. Stop returns false (the
// timer fired and its value is gone) and the drain blocks forever.

type debouncer struct {
	timer *time.Timer
	delay time.Duration
	reset chan struct{}
}

func (d *debouncer) loop(ctx context.Context, fire func()) {
	d.timer = time.NewTimer(d.delay)
	for {
		select {
		case <-d.timer.C:
			fire()
		case <-d.reset:
			if !d.timer.Stop() {
				<-d.timer.C // want `receive from d.timer.C blocks forever: the timer's value may already have been received, so Stop returns false and nothing sends again`
			}
			d.timer.Reset(d.delay)
		case <-ctx.Done():
			d.timer.Stop()
			return
		}
	}
}

// The same with a local timer, taken in a plain receive first.

func waitTwice(d time.Duration, more func() bool) {
	t := time.NewTimer(d)
	<-t.C
	if more() {
		if !t.Stop() {
			<-t.C // want `receive from t.C blocks forever: the timer's value may already have been received, so Stop returns false and nothing sends again`
		}
	}
}

// Silent: the case that takes the value resets the timer before the
// loop can come back to the drain.

type ticker struct {
	timer *time.Timer
	delay time.Duration
	reset chan struct{}
}

func (t *ticker) loop(ctx context.Context, fire func()) {
	t.timer = time.NewTimer(t.delay)
	for {
		select {
		case <-t.timer.C:
			fire()
			t.timer.Reset(t.delay)
		case <-t.reset:
			if !t.timer.Stop() {
				<-t.timer.C
			}
			t.timer.Reset(t.delay)
		case <-ctx.Done():
			return
		}
	}
}

// Silent: the ordinary drain, with nothing received before (the value
// may still be there).

func wait(done <-chan struct{}, d time.Duration) bool {
	t := time.NewTimer(d)
	select {
	case <-done:
		if !t.Stop() {
			<-t.C
		}
		return true
	case <-t.C:
		return false
	}
}

// Silent: a new timer is stored after the value was taken.

type renewer struct {
	timer *time.Timer
	delay time.Duration
	reset chan struct{}
}

func (r *renewer) loop(fire func()) {
	r.timer = time.NewTimer(r.delay)
	for {
		select {
		case <-r.timer.C:
			fire()
			r.timer = time.NewTimer(r.delay)
		case <-r.reset:
			if !r.timer.Stop() {
				<-r.timer.C
			}
			r.timer.Reset(r.delay)
		}
	}
}

// Silent: another function resets the same timer, from another
// goroutine maybe.

type shared struct {
	timer *time.Timer
	delay time.Duration
	reset chan struct{}
}

func (s *shared) loop(fire func()) {
	s.timer = time.NewTimer(s.delay)
	for {
		select {
		case <-s.timer.C:
			fire()
		case <-s.reset:
			if !s.timer.Stop() {
				<-s.timer.C
			}
		}
	}
}

func (s *shared) kick() { s.timer.Reset(s.delay) }

// Silent: the drain is a select with a default.

func drainSelect(d time.Duration) {
	t := time.NewTimer(d)
	<-t.C
	if !t.Stop() {
		select {
		case <-t.C:
		default:
		}
	}
}

// Silent: each turn of the outer loop makes a new timer; the value the
// last turn took was the old timer's.

func perTurn(n int, d time.Duration) {
	for i := 0; i < n; i++ {
		t := time.NewTimer(time.Hour)
		for j := 0; j < 10; j++ {
			if !t.Stop() {
				<-t.C
			}
			t.Reset(d)
		}
		<-t.C
	}
}

// Silent: the case that takes the timer's value sets timedOut, and the
// drain runs only when it is false (syncthing's event logger).

type logger struct {
	timeout *time.Timer
	subs    []chan int
}

func (l *logger) deliver(e int) {
	for _, s := range l.subs {
		l.timeout.Reset(time.Second)
		timedOut := false
		select {
		case s <- e:
		case <-l.timeout.C:
			timedOut = true
		}
		if !l.timeout.Stop() && !timedOut {
			<-l.timeout.C
		}
	}
}

// Silent: the flag tested first, in an if of its own.

type nestedLogger struct {
	timeout *time.Timer
	subs    []chan int
}

func (l *nestedLogger) deliver(e int) {
	for _, s := range l.subs {
		l.timeout.Reset(time.Second)
		fired := false
		select {
		case s <- e:
		case <-l.timeout.C:
			fired = true
		}
		if !fired {
			if !l.timeout.Stop() {
				<-l.timeout.C
			}
		}
	}
}

// Reported: the flag is set in the other case, so the path from the
// receive still reaches the drain.

type wrongLogger struct {
	timeout *time.Timer
	subs    []chan int
}

func (l *wrongLogger) deliver(e int) {
	for _, s := range l.subs {
		l.timeout.Reset(time.Second)
		sent := false
		select {
		case s <- e:
			sent = true
		case <-l.timeout.C:
		}
		if !l.timeout.Stop() && !sent {
			<-l.timeout.C // want `receive from l.timeout.C blocks forever: the timer's value may already have been received`
		}
	}
}

// Silent: after the first turn the counter is above zero, so the loop
// always Resets the timer before the select that may drain it.

type leaseRenewer struct {
	timeout time.Duration
	renew   func() chan error
}

func (r *leaseRenewer) renewWithRetry(stop chan struct{}) error {
	t := time.NewTimer(r.timeout)
	defer t.Stop()
	for attempt := 0; ; attempt++ {
		if attempt > 0 {
			t.Reset(r.timeout)
		}
		select {
		case err := <-r.renew():
			if !t.Stop() {
				<-t.C
			}
			if err == nil || attempt >= 3 {
				return err
			}
		case <-t.C:
		case <-stop:
			if !t.Stop() {
				<-t.C
			}
			return nil
		}
	}
}

// Reported: the second turn skips the Reset (attempt is 1), so the
// value the first turn's timeout case took is gone.

type lateRenewer struct {
	timeout time.Duration
	renew   func() chan error
}

func (r *lateRenewer) renewWithRetry() error {
	t := time.NewTimer(r.timeout)
	defer t.Stop()
	for attempt := 0; ; attempt++ {
		if attempt > 1 {
			t.Reset(r.timeout)
		}
		select {
		case err := <-r.renew():
			if !t.Stop() {
				<-t.C // want `receive from t.C blocks forever: the timer's value may already have been received`
			}
			if err == nil || attempt >= 3 {
				return err
			}
		case <-t.C:
		}
	}
}
