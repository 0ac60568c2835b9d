package model

// A function literal handed to a helper that calls it with one of the
// helper's parameters: the literal's parameter is the maker's channel.

func waitFor(wait func(done <-chan struct{}) bool, done <-chan struct{}) {
	for !wait(done) {
	}
}

func pollDone() {
	stop := make(chan struct{})
	defer close(stop) // want `pollDone: close make@\d+ u0 \[deferred must\]`
	var seen <-chan struct{}
	waitFor(func(done <-chan struct{}) bool {
		seen = done
		select {
		case <-done: // want `pollDone\$1: recv make@\d+ u0 \[must nonblocking\]`
			return true
		default:
			return false
		}
	}, stop)
	<-seen // want `pollDone: recv make@\d+ u0 \[must\]`
}

// The helper calls the literal with a channel of its own: the
// parameter stays the literal's.

func withTicks(f func(tick <-chan int)) {
	ch := make(chan int, 1)
	ch <- 1 // want `withTicks: send make@\d+ u0 \[must\]`
	f(ch)
}

func countTicks() {
	withTicks(func(tick <-chan int) {
		<-tick // want `countTicks\$1: recv param tick u0 \[must\]`
	})
}

// The helper also keeps the literal: its other runs are not seen.

var kept func(<-chan struct{})

func keep(f func(<-chan struct{}), c <-chan struct{}) {
	kept = f
	f(c)
}

func keepDone() {
	stop := make(chan struct{})
	keep(func(c <-chan struct{}) {
		<-c // want `keepDone\$1: recv param c u0 \[must\]`
	}, stop)
	close(stop) // want `keepDone: close make@\d+ u0 \[must\]`
}

// The helper runs the literal in a goroutine of its own: not a call,
// the parameter stays the literal's.

func goWith(f func(<-chan struct{}), c <-chan struct{}) {
	go f(c)
}

func goDone() {
	stop := make(chan struct{})
	goWith(func(c <-chan struct{}) {
		<-c // want `goDone\$1: recv param c u0 \[must\]`
	}, stop)
	close(stop) // want `goDone: close make@\d+ u0 \[must\]`
}
