package replica

import (
	"errors"
	"sync"
)

var ErrStopped = errors.New("replica stopped")

type Entry struct {
	Index uint64
	Cmd   []byte
}

type proposal struct {
	cmd  []byte
	resp chan error
}

type Replica struct {
	apply func(Entry) error

	mu        sync.Mutex
	committed uint64
	leader    string
	stopped   bool

	proposals chan proposal
	acks      chan uint64
	done      chan struct{}

	log       []Entry
	waiters   map[uint64]chan error
	lastIndex uint64
	applied   uint64
}

func NewReplica(apply func(Entry) error) *Replica {
	r := &Replica{
		apply:     apply,
		proposals: make(chan proposal),
		acks:      make(chan uint64, 32),
		done:      make(chan struct{}),
		waiters:   make(map[uint64]chan error),
	}
	go r.run()
	return r
}

func (r *Replica) Propose(cmd []byte) error {
	p := proposal{cmd: cmd, resp: make(chan error, 1)}
	select {
	case r.proposals <- p:
	case <-r.done:
		return ErrStopped
	}
	return <-p.resp
}

func (r *Replica) Acknowledge(idx uint64) {
	select {
	case r.acks <- idx:
	case <-r.done:
	}
}

func (r *Replica) SetLeader(id string) {
	r.mu.Lock()
	r.leader = id
	r.mu.Unlock()
}

func (r *Replica) Committed() (uint64, string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.committed, r.leader
}

func (r *Replica) Stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.stopped {
		r.stopped = true
		close(r.done)
	}
}

func (r *Replica) run() {
	for {
		select {
		case p := <-r.proposals:
			r.appendEntry(p)
		case idx := <-r.acks:
			r.commitThrough(idx)
		case <-r.done:
			r.failWaiters()
			return
		}
	}
}
