package lib

// Drain receives everything from ch.
func Drain(ch <-chan int) {
	for range ch {
	}
}

// Close closes ch.
func Close(ch chan int) { close(ch) }

// Fill sends on ch.
func Fill(ch chan<- int) { ch <- 1 }

// A Log's writers hand it work; its run loop receives the work and, on
// stop, closes the channel the writers still send on.
type Log struct {
	work chan func()
	stop chan struct{}
}

func NewLog() *Log {
	l := &Log{work: make(chan func()), stop: make(chan struct{})}
	go l.run()
	return l
}

func (l *Log) run() {
	for {
		select {
		case f := <-l.work:
			f()
		case <-l.stop:
			close(l.work) // want `l.work closed by its receiver while another goroutine sends on it`
			return
		}
	}
}

func (l *Log) Write(f func()) { l.work <- f }

func (l *Log) Stop() { l.stop <- struct{}{} }

// Shutdown receives what is pending, then closes: the receiver closing.
func (l *Log) Shutdown() {
	<-l.work
	close(l.work) // want `l.work closed by its receiver while another goroutine sends on it`
}
