// The same event loop in an importable package: another package may
// close the exported Done field, so nothing is reported.
package libstop

type Stopper struct {
	Done chan struct{}
}

func (s *Stopper) ShouldStop() <-chan struct{} { return s.Done }

type Raft struct {
	stopper *Stopper
	events  chan string
}

func (r *Raft) processEvents(handle func(string)) {
	for {
		select {
		case e := <-r.events:
			handle(e)
		case <-r.stopper.ShouldStop():
			return
		}
	}
}

func Start(s *Stopper) *Raft {
	r := &Raft{stopper: s, events: make(chan string)}
	go r.processEvents(func(e string) { println(e) })
	return r
}

func (r *Raft) Send(e string) { r.events <- e }
