package owned

// frameStats is shared by its decoding loop and its exported methods;
// sem, a channel with room for one, is its mutex: a send takes it, a
// receive gives it back.
type frameStats struct {
	sem    chan struct{}
	in     chan int
	frames int
	bytes  int
}

func newFrameStats() *frameStats {
	s := &frameStats{sem: make(chan struct{}, 1), in: make(chan int)}
	go s.loop()
	return s
}

func (s *frameStats) loop() {
	for n := range s.in {
		s.add(n)
	}
}

func (s *frameStats) add(n int) {
	s.sem <- struct{}{}
	s.frames++
	s.bytes += n
	<-s.sem
}

// Frames reads under the channel lock, given back by a deferred
// receive: not reported.
func (s *frameStats) Frames() int {
	s.sem <- struct{}{}
	defer func() { <-s.sem }()
	return s.frames
}

// Reset clears bytes before it takes the lock: the loop may be adding
// to it at that moment.
func (s *frameStats) Reset() {
	s.bytes = 0 // want `write to s.bytes in Reset without a lock, while the goroutine running loop accesses it`
	s.sem <- struct{}{}
	s.frames = 0
	<-s.sem
}

// tokenStats holds its one token in tok, put there at birth: a
// receive takes the lock, a send gives it back.
type tokenStats struct {
	tok   chan struct{}
	in    chan int
	count int
	last  int
}

func newTokenStats() *tokenStats {
	s := &tokenStats{tok: make(chan struct{}, 1), in: make(chan int)}
	s.tok <- struct{}{}
	go s.run()
	return s
}

func (s *tokenStats) run() {
	for n := range s.in {
		<-s.tok
		s.count++
		s.last = n
		s.tok <- struct{}{}
	}
}

// Last and Clear hold the token for their accesses: not reported.
func (s *tokenStats) Last() int {
	<-s.tok
	defer func() { s.tok <- struct{}{} }()
	return s.last
}

func (s *tokenStats) Clear() {
	<-s.tok
	s.count = 0
	s.last = 0
	s.tok <- struct{}{}
}

// limitStats's slots channel has room for two: two holders at once,
// a limiter, not a lock.
type limitStats struct {
	slots chan struct{}
	in    chan int
	total int
}

func newLimitStats() *limitStats {
	s := &limitStats{slots: make(chan struct{}, 2), in: make(chan int)}
	go s.run()
	return s
}

func (s *limitStats) run() {
	for n := range s.in {
		s.slots <- struct{}{}
		s.total += n
		<-s.slots
	}
}

func (s *limitStats) Clear() {
	s.slots <- struct{}{}
	s.total = 0 // want `write to s.total in Clear without a lock, while the goroutine running run accesses it`
	<-s.slots
}

var _, _, _ = newFrameStats, newTokenStats, newLimitStats
