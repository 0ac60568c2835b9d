package runners

import "time"

type frame struct {
	typ  int
	body string
}

// Peer's run loop dispatches through handlers it stores in its own
// fields and tables: they run in the loop.
type Peer struct {
	in      chan frame
	table   [2]func(frame)
	byName  map[string]func(frame)
	list    []func(frame)
	onClose func()
	missed  int
}

func NewPeer() *Peer {
	p := &Peer{in: make(chan frame), byName: map[string]func(frame){}, list: make([]func(frame), 1)}
	p.table[0] = p.onPing
	p.byName["pong"] = p.onPong
	p.list[0] = p.onData
	p.onClose = p.closed
	time.AfterFunc(time.Second, p.probe)
	go p.loop()
	return p
}

func (p *Peer) loop() { // want `runners: go@28 once`
	for f := range p.in {
		if f.typ < len(p.table) {
			p.table[f.typ](f)
		}
		if h, ok := p.byName[f.body]; ok {
			h(f)
		}
		p.list[0](f)
	}
	if p.onClose != nil {
		p.onClose()
	}
}

func (p *Peer) onPing(frame) { p.missed = 0 } // want `runners: go@28 once`

func (p *Peer) onPong(frame) { p.missed = 0 } // want `runners: go@28 once`

func (p *Peer) onData(frame) {} // want `runners: go@28 once`

func (p *Peer) closed() {} // want `runners: go@28 once`

// probe is handed to a timer: any goroutine.
func (p *Peer) probe() { p.missed++ } // want `runners: entry probe`

// Session stores a handler in its table, but an exported method calls
// the table too: the handler runs in the loop and in the callers of
// Fire.
type Session struct {
	in    chan int
	onAck func(int)
	n     int
}

func NewSession() *Session {
	s := &Session{in: make(chan int)}
	s.onAck = s.handleAck
	go s.run()
	return s
}

func (s *Session) run() { // want `runners: go@70 once`
	for v := range s.in {
		s.onAck(v)
	}
}

func (s *Session) Fire(v int) { s.onAck(v) } // want `runners: entry Fire`

func (s *Session) handleAck(int) { s.n++ } // want `runners: go@70 once, entry Fire`

// Leaky hands its handler away: it may run anywhere.
type Leaky struct {
	onAck func(int)
	n     int
}

func NewLeaky(sink func(func(int))) *Leaky {
	l := &Leaky{}
	l.onAck = l.handle
	sink(l.onAck)
	return l
}

func (l *Leaky) handle(int) { l.n++ } // want `runners: entry handle`

// Swapped stores the handler of another object: not its own.
type Swapped struct {
	onAck func(int)
	n     int
}

func (s *Swapped) Adopt(o *Swapped) { s.onAck = o.handle } // want `runners: entry Adopt`

func (s *Swapped) handle(int) { s.n++ } // want `runners: entry handle`
