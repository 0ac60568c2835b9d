package request

// A store's enforcer: requests and removals wait for the loop's reply.
// The loop returns only once a request channel is closed, and nothing
// closes them: it never returns, so every send is taken.
type msg struct {
	size int
	done chan struct{}
}

type store struct {
	incoming chan *msg
	remove   chan *msg
}

func newStore() *store {
	s := &store{incoming: make(chan *msg), remove: make(chan *msg)}
	go s.enforce()
	return s
}

func (s *store) enforce() {
	total := 0
	for {
		select {
		case m, ok := <-s.incoming:
			if !ok {
				return
			}
			total += m.size
			close(m.done)
		case m, ok := <-s.remove:
			if !ok {
				return
			}
			total -= m.size
			close(m.done)
		}
	}
}

func (s *store) deliver(size int) {
	m := &msg{size: size, done: make(chan struct{})}
	s.incoming <- m
	<-m.done
}

func (s *store) drop(size int) {
	m := &msg{size: size, done: make(chan struct{})}
	s.remove <- m
	<-m.done
}

// The same loop where something does close a channel it returns on:
// once retire closes the removals, the loop returns, and a later add
// blocks at its send for ever.
type entry struct {
	size int
	done chan struct{}
}

type ledger struct {
	incoming chan *entry
	remove   chan *entry
}

func newLedger() *ledger {
	l := &ledger{incoming: make(chan *entry), remove: make(chan *entry)}
	go l.enforce()
	return l
}

func (l *ledger) enforce() {
	total := 0
	for {
		select {
		case m, ok := <-l.incoming:
			if !ok {
				return
			}
			total += m.size
			close(m.done)
		case m, ok := <-l.remove:
			if !ok {
				return
			}
			total -= m.size
			close(m.done)
		}
	}
}

func (l *ledger) retire() { close(l.remove) }

func (l *ledger) add(size int) {
	m := &entry{size: size, done: make(chan struct{})}
	l.incoming <- m // want `send on l.incoming may block forever`
	<-m.done
}
