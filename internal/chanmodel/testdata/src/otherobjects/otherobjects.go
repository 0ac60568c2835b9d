package otherobjects

type reader struct{ ch chan int }

func newReader() *reader { return &reader{ch: make(chan int)} }

// Two functions, each with a reader of its own: the other's send is on
// another channel. The send of one's own goroutine (in the function,
// and in the literal as its own function) is not.
func first() {
	r := newReader()
	go func() { r.ch <- 1 }()
	<-r.ch
	close(r.ch) // want `2 sends may share the object`
}

func second() {
	r := &reader{ch: make(chan int)}
	go func() { r.ch <- 2 }()
	<-r.ch
	close(r.ch) // want `2 sends may share the object`
}

// A constructor that starts the sender returns the object its
// goroutine sends on: a caller's close may meet it.
type fed struct{ ch chan int }

func newFed() *fed {
	f := &fed{ch: make(chan int)}
	go func() { f.ch <- 1 }()
	return f
}

func useFed() {
	f := newFed()
	<-f.ch
	close(f.ch) // want `3 sends may share the object`
}

func otherFed() {
	f := &fed{ch: make(chan int)}
	close(f.ch) // want `0 sends may share the object`
}

// A type whose values are copied: two objects may hold one channel.
type copied struct{ ch chan int }

func copyOf(c *copied) *copied {
	d := new(copied)
	*d = *c
	return d
}

func useCopied() {
	c := &copied{ch: make(chan int)}
	go func() { c.ch <- 1 }()
	close(c.ch) // want `3 sends may share the object`
}

func sendCopied() {
	c := &copied{ch: make(chan int)}
	c.ch <- 1
}

// A type whose channel field is set from a parameter: shared as well.
type given struct{ ch chan int }

func newGiven(ch chan int) *given { return &given{ch: ch} }

func useGiven(ch chan int) {
	g := newGiven(ch)
	close(g.ch) // want `1 sends may share the object`
}

func sendGiven(ch chan int) {
	g := newGiven(ch)
	g.ch <- 1
}

// The same, with the constructor's own value returned as it was made.
type fed2 struct{ ch chan int }

func newFed2() *fed2 {
	f := &fed2{ch: make(chan int)}
	go f.run()
	return f
}

func (f *fed2) run() { f.ch <- 1 }

func useFed2() {
	f := newFed2()
	<-f.ch
	close(f.ch) // want `3 sends may share the object`
}

// Through two constructors: the outer one returns what the inner one,
// which starts the sender, made.
type deep struct {
	ch chan int
	n  int
}

func newDeep() *deep {
	d := &deep{ch: make(chan int)}
	go d.feed()
	return d
}

func (d *deep) feed() { d.ch <- 1 }

func newDeepFed() *deep {
	d := newDeep()
	d.n = 1
	return d
}

func useDeeper() {
	d := newDeepFed()
	<-d.ch
	close(d.ch) // want `4 sends may share the object`
}

// A helper method starts a sender on the object its caller passes:
// only the callers' objects can meet it.
type srv struct{ ch chan int }

func newSrv() *srv { return &srv{ch: make(chan int)} }

func (s *srv) beat() { go func() { s.ch <- 1 }() }

func withBeat() {
	s := newSrv()
	s.beat()
	<-s.ch
	close(s.ch) // want `3 sends may share the object`
}

func withoutBeat() {
	s := newSrv()
	go func() { <-s.ch }()
	close(s.ch) // want `0 sends may share the object`
}

// A method a go statement starts as well as calls: its parameter may
// hold what the go statement passes, not only what the calls pass.
type runner struct{ ch chan int }

func newRunner() *runner { return &runner{ch: make(chan int, 1)} }

func (r *runner) run() { r.ch <- 1 }

func callRun() {
	r := newRunner()
	r.run()
}

func startRun() {
	r := newRunner()
	go r.run()
	<-r.ch
	close(r.ch) // want `2 sends may share the object`
}
