// Package sole covers a Wait under if whose condition cannot be false
// again when Wait returns: one waiter per Cond, the only consumer of
// the state it tests, woken only after that state was made true.
package sole

import "sync"

type Message struct{ Body string }

// The one goroutine started in NewMailbox is the only waiter and the
// only one that empties pending; Post appends before it signals
// (blind case c6_silent_mailbox): silent.
type Mailbox struct {
	mu      sync.Mutex
	cond    *sync.Cond
	pending []Message
	deliver func([]Message)
}

func NewMailbox(deliver func([]Message)) *Mailbox {
	m := &Mailbox{deliver: deliver}
	m.cond = sync.NewCond(&m.mu)
	go m.loop()
	return m
}

func (m *Mailbox) Post(msg Message) {
	m.mu.Lock()
	m.pending = append(m.pending, msg)
	m.cond.Signal()
	m.mu.Unlock()
}

func (m *Mailbox) loop() {
	for {
		m.mu.Lock()
		if len(m.pending) == 0 {
			m.cond.Wait()
		}
		batch := m.pending
		m.pending = nil
		m.mu.Unlock()
		m.deliver(batch)
	}
}

// One goroutine waits once for ready, which only the starter sets,
// before it broadcasts: silent.
func handoff(work func(int)) {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	n := 0
	go func() {
		mu.Lock()
		if !ready {
			c.Wait()
		}
		work(n)
		mu.Unlock()
	}()
	mu.Lock()
	n = 42
	ready = true
	c.Broadcast()
	mu.Unlock()
}

type Job func()

// Workers started in a loop all wait on the same Cond: another worker
// can take the job first (blind case c6_bad_workers).
type Pool struct {
	mu   sync.Mutex
	cond *sync.Cond
	jobs []Job
}

func NewPool() *Pool {
	p := &Pool{}
	p.cond = sync.NewCond(&p.mu)
	return p
}

func (p *Pool) Start(n int) {
	for i := 0; i < n; i++ {
		go p.worker()
	}
}

func (p *Pool) Submit(j Job) {
	p.mu.Lock()
	p.jobs = append(p.jobs, j)
	p.mu.Unlock()
	p.cond.Signal()
}

func (p *Pool) worker() {
	for {
		p.mu.Lock()
		if len(p.jobs) == 0 {
			p.cond.Wait() // want `sync.Cond.Wait called under if`
		}
		j := p.jobs[0]
		p.jobs = p.jobs[1:]
		p.mu.Unlock()
		j()
	}
}

// One waiter, but Drain empties pending under the lock too: the
// waiter can be woken, lose the race to Drain and find it empty.
type Inbox struct {
	mu      sync.Mutex
	cond    *sync.Cond
	pending []Message
	deliver func(Message)
}

func NewInbox(deliver func(Message)) *Inbox {
	b := &Inbox{deliver: deliver}
	b.cond = sync.NewCond(&b.mu)
	go b.loop()
	return b
}

func (b *Inbox) Post(msg Message) {
	b.mu.Lock()
	b.pending = append(b.pending, msg)
	b.mu.Unlock()
	b.cond.Signal()
}

func (b *Inbox) Drain() {
	b.mu.Lock()
	b.pending = nil
	b.mu.Unlock()
}

func (b *Inbox) loop() {
	for {
		b.mu.Lock()
		if len(b.pending) == 0 {
			b.cond.Wait() // want `sync.Cond.Wait called under if`
		}
		msg := b.pending[0]
		b.pending = b.pending[1:]
		b.mu.Unlock()
		b.deliver(msg)
	}
}

// One waiter, but Kick wakes it without adding anything.
type Kicked struct {
	mu      sync.Mutex
	cond    *sync.Cond
	pending []Message
}

func NewKicked() *Kicked {
	k := &Kicked{}
	k.cond = sync.NewCond(&k.mu)
	go k.loop()
	return k
}

func (k *Kicked) Kick() { k.cond.Signal() }

func (k *Kicked) Post(msg Message) {
	k.mu.Lock()
	k.pending = append(k.pending, msg)
	k.cond.Signal()
	k.mu.Unlock()
}

func (k *Kicked) loop() {
	for {
		k.mu.Lock()
		if len(k.pending) == 0 {
			k.cond.Wait() // want `sync.Cond.Wait called under if`
		}
		_ = k.pending[0]
		k.pending = k.pending[1:]
		k.mu.Unlock()
	}
}

// The waiting goroutine is started twice: two waiters.
func twice(work func(int)) {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	wait := func() {
		mu.Lock()
		if !ready {
			c.Wait() // want `sync.Cond.Wait called under if`
		}
		ready = false
		mu.Unlock()
	}
	go wait()
	go wait()
	mu.Lock()
	ready = true
	c.Signal()
	mu.Unlock()
}

// The waiting function runs in the one goroutine that NewRelay starts,
// through a helper that calls it once: silent.
type Relay struct {
	mu      sync.Mutex
	cond    *sync.Cond
	pending []Message
	out     func([]Message)
}

func NewRelay(out func([]Message)) *Relay {
	r := &Relay{out: out}
	r.cond = sync.NewCond(&r.mu)
	go func() {
		r.run()
	}()
	return r
}

func (r *Relay) Post(msg Message) {
	r.mu.Lock()
	r.pending = append(r.pending, msg)
	r.mu.Unlock()
	r.cond.Signal()
}

func (r *Relay) run() {
	for {
		r.once()
	}
}

func (r *Relay) once() {
	r.mu.Lock()
	if len(r.pending) == 0 {
		r.cond.Wait()
	}
	batch := r.pending
	r.pending = nil
	r.mu.Unlock()
	r.out(batch)
}

// The constructor starts the one waiter through a start helper it
// calls once: silent.
type Batcher struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
	flush func([]int)
}

func NewBatcher(flush func([]int)) *Batcher {
	b := &Batcher{flush: flush}
	b.cond = sync.NewCond(&b.mu)
	b.start()
	return b
}

func (b *Batcher) start() { go b.loop() }

func (b *Batcher) Add(x int) {
	b.mu.Lock()
	b.items = append(b.items, x)
	b.mu.Unlock()
	b.cond.Signal()
}

func (b *Batcher) loop() {
	for {
		b.mu.Lock()
		if len(b.items) == 0 {
			b.cond.Wait()
		}
		items := b.items
		b.items = nil
		b.mu.Unlock()
		b.flush(items)
	}
}

// The start helper runs once per shard: several waiters on one Cond.
type Sharded struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
	flush func([]int)
}

func NewSharded(n int, flush func([]int)) *Sharded {
	s := &Sharded{flush: flush}
	s.cond = sync.NewCond(&s.mu)
	for i := 0; i < n; i++ {
		s.start()
	}
	return s
}

func (s *Sharded) start() { go s.loop() }

func (s *Sharded) Add(x int) {
	s.mu.Lock()
	s.items = append(s.items, x)
	s.mu.Unlock()
	s.cond.Signal()
}

func (s *Sharded) loop() {
	for {
		s.mu.Lock()
		if len(s.items) == 0 {
			s.cond.Wait() // want `sync.Cond.Wait called under if`
		}
		items := s.items
		s.items = nil
		s.mu.Unlock()
		s.flush(items)
	}
}

// The one waiter waits for pending to drop to zero, but the other side
// adds to it and signals: the wake-up can find pending still above
// zero.
func drain(n int, done func()) {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	pending := 0
	go func() {
		mu.Lock()
		if pending > 0 {
			c.Wait() // want `sync.Cond.Wait called under if`
		}
		done()
		mu.Unlock()
	}()
	for i := 0; i < n; i++ {
		mu.Lock()
		pending++
		c.Signal()
		mu.Unlock()
	}
}

// Waiting for pending to be zero, ended by setting it to zero: silent.
func countdown(n int, done func()) {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	pending := n
	go func() {
		mu.Lock()
		if pending != 0 {
			c.Wait()
		}
		done()
		mu.Unlock()
	}()
	mu.Lock()
	pending = 0
	c.Broadcast()
	mu.Unlock()
}

// Decrements move toward zero but a Signal after one need not find it
// there.
func countdownSteps(n int, done func()) {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	pending := n
	go func() {
		mu.Lock()
		if pending != 0 {
			c.Wait() // want `sync.Cond.Wait called under if`
		}
		done()
		mu.Unlock()
	}()
	for i := 0; i < n; i++ {
		mu.Lock()
		pending--
		c.Signal()
		mu.Unlock()
	}
}

// A linked list drained by the one delivery goroutine that subscribe
// starts (nats.go's waitForMsgs): every push stores a message known
// not to be nil (allocated, or tested) into the head before it
// signals, close sets closed before it broadcasts, and the Cond is only
// tested against nil elsewhere: silent.
type msg struct {
	data string
	next *msg
}

type sub struct {
	mu     sync.Mutex
	cond   *sync.Cond
	head   *msg
	tail   *msg
	closed bool
	cb     func(*msg)
}

func subscribe(cb func(*msg)) *sub {
	s := &sub{cb: cb}
	if cb != nil {
		s.cond = sync.NewCond(&s.mu)
		go s.deliver()
	}
	return s
}

func (s *sub) push(m *msg, filter func(*msg) *msg) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m = filter(m); m == nil {
		return
	}
	if s.head == nil {
		s.head = m
		s.tail = m
		if s.cond != nil {
			s.cond.Signal()
		}
	} else {
		s.tail.next = m
		s.tail = m
	}
}

func (s *sub) barrier() {
	s.mu.Lock()
	m := &msg{}
	if s.tail != nil {
		s.tail.next = m
	} else {
		s.head = m
		s.cond.Signal()
	}
	s.tail = m
	s.mu.Unlock()
}

func (s *sub) close() {
	s.mu.Lock()
	s.closed = true
	if s.cond != nil {
		s.cond.Broadcast()
	}
	s.mu.Unlock()
}

func (s *sub) deliver() {
	for {
		s.mu.Lock()
		if s.head == nil && !s.closed {
			s.cond.Wait()
		}
		m := s.head
		if m != nil {
			s.head = m.next
			if s.head == nil {
				s.tail = nil
			}
		}
		closed := s.closed
		s.mu.Unlock()
		if closed {
			return
		}
		s.cb(m)
	}
}

// The same list, but push stores whatever the caller passes, nil
// included, before it signals: the wake-up can find head still nil.
type loose struct {
	mu   sync.Mutex
	cond *sync.Cond
	head *msg
	cb   func(*msg)
}

func newLoose(cb func(*msg)) *loose {
	l := &loose{cb: cb}
	l.cond = sync.NewCond(&l.mu)
	go l.deliver()
	return l
}

func (l *loose) push(m *msg) {
	l.mu.Lock()
	l.head = m
	l.cond.Signal()
	l.mu.Unlock()
}

func (l *loose) deliver() {
	for {
		l.mu.Lock()
		if l.head == nil {
			l.cond.Wait() // want `sync.Cond.Wait called under if`
		}
		m := l.head
		l.head = m.next
		l.mu.Unlock()
		l.cb(m)
	}
}

// The same list drained by a delivery goroutine per worker: another
// worker can take the head between the Signal and the wake-up.
type shared struct {
	mu   sync.Mutex
	cond *sync.Cond
	head *msg
	cb   func(*msg)
}

func newShared(workers int, cb func(*msg)) *shared {
	s := &shared{cb: cb}
	s.cond = sync.NewCond(&s.mu)
	for range workers {
		go s.deliver()
	}
	return s
}

func (s *shared) push(m *msg) {
	s.mu.Lock()
	if m != nil {
		m.next = s.head
		s.head = m
		s.cond.Signal()
	}
	s.mu.Unlock()
}

func (s *shared) deliver() {
	for {
		s.mu.Lock()
		if s.head == nil {
			s.cond.Wait() // want `sync.Cond.Wait called under if`
		}
		m := s.head
		s.head = m.next
		s.mu.Unlock()
		s.cb(m)
	}
}
