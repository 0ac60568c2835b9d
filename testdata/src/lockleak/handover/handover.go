// Package handover checks functions that return with a mutex held on
// purpose, handing it to their callers.
package handover

import (
	"errors"
	"hash/fnv"
	"sync"
)

var errMissing = errors.New("missing")

type Store struct {
	mu sync.Mutex
	m  map[string]int
}

// get returns with s.mu held when it finds the key, and every caller
// unlocks it once the error check has passed. Correct.
func (s *Store) get(k string) (int, error) {
	s.mu.Lock()
	v, ok := s.m[k]
	if !ok {
		s.mu.Unlock()
		return 0, errMissing
	}
	return v, nil
}

func (s *Store) Incr(k string) error {
	v, err := s.get(k)
	if err != nil {
		return err
	}
	defer s.mu.Unlock()
	s.m[k] = v + 1
	return nil
}

func (s *Store) Value(k string) int {
	v, err := s.get(k)
	if err == nil {
		s.mu.Unlock()
	}
	return v
}

// tx hands the lock over inside the handle it returns: Commit
// releases it, and the callers commit. Correct.
type Tx struct {
	s     *Store
	dirty bool
}

func (t *Tx) Commit() {
	t.dirty = false
	t.s.mu.Unlock()
}

func (s *Store) begin(readOnly bool) (*Tx, error) {
	s.mu.Lock()
	if readOnly && len(s.m) == 0 {
		s.mu.Unlock()
		return nil, errMissing
	}
	return &Tx{s: s}, nil
}

func (s *Store) Update() error {
	tx, err := s.begin(false)
	if err != nil {
		return err
	}
	defer tx.Commit()
	tx.dirty = true
	return nil
}

// The object itself is returned locked: callers unlock it through
// the result. Correct.
type entry struct {
	mu   sync.Mutex
	dead bool
	n    int
}

func live(e *entry) (*entry, error) {
	e.mu.Lock()
	if e.dead {
		e.mu.Unlock()
		return nil, errMissing
	}
	return e, nil
}

func bump(e *entry) {
	x, err := live(e)
	if err != nil {
		return
	}
	x.n++
	x.mu.Unlock()
}

// Adapted from blind case c1_silent_shardlock: the shard is returned
// locked and every caller unlocks it. Correct.
type shard struct {
	mu     sync.Mutex
	counts map[string]int64
}

type Counters struct{ shards [16]*shard }

func (c *Counters) shardFor(key string) *shard {
	h := fnv.New32a()
	h.Write([]byte(key))
	sh := c.shards[h.Sum32()%16]
	sh.mu.Lock()
	return sh
}

func (c *Counters) Incr(key string, n int64) {
	sh := c.shardFor(key)
	defer sh.mu.Unlock()
	sh.counts[key] += n
}

// lookup returns with the lock held on the error path, and its caller
// returns the error without unlocking: the next lookup deadlocks.
func (s *Store) lookup(k string) (int, error) {
	s.mu.Lock()
	v, ok := s.m[k]
	if !ok {
		return 0, errMissing // want `return with s.mu still locked: other paths unlock it`
	}
	s.mu.Unlock()
	return v, nil
}

func (s *Store) Has(k string) error {
	_, err := s.lookup(k)
	return err
}

// find hands the lock over on success, but one caller forgets to
// unlock it.
func (s *Store) find(k string) (int, error) {
	s.mu.Lock()
	v, ok := s.m[k]
	if !ok {
		s.mu.Unlock()
		return 0, errMissing
	}
	return v, nil // want `return with s.mu still locked: other paths unlock it`
}

func (s *Store) Find(k string) int {
	v, err := s.find(k)
	if err != nil {
		return 0
	}
	s.mu.Unlock()
	return v
}

func (s *Store) Peek(k string) int {
	v, _ := s.find(k)
	return v
}

// Adapted from blind case c1_bad_txbegin: the success path hands the
// unlock function over in the transaction, the error path hands
// nothing, and the callers return the error.
type txn struct {
	s    *Store
	done func()
}

func (s *Store) open(write bool) (*txn, error) {
	s.mu.Lock()
	if write && len(s.m) > 100 {
		return nil, errMissing // want `return with s.mu still locked: other paths unlock it`
	}
	return &txn{s: s, done: s.mu.Unlock}, nil
}

func (s *Store) Put(k string, v int) error {
	t, err := s.open(true)
	if err != nil {
		return err
	}
	defer t.done()
	t.s.m[k] = v
	return nil
}

// The same with the unlock function handed over on both paths. Correct.
func (s *Store) openOK(write bool) (*txn, error) {
	s.mu.Lock()
	if write && len(s.m) > 100 {
		s.mu.Unlock()
		return nil, errMissing
	}
	return &txn{s: s, done: s.mu.Unlock}, nil
}

func (s *Store) PutOK(k string, v int) error {
	t, err := s.openOK(true)
	if err != nil {
		return err
	}
	defer t.done()
	t.s.m[k] = v
	return nil
}

// An unlock function in the results. reserve forgets it on the error
// path, where it returns nothing to unlock with.
type Pool struct {
	mu    sync.Mutex
	free  int
	slots []int
	done  func()
}

func (p *Pool) reserve(n int) (func(), error) {
	p.mu.Lock()
	if n > p.free {
		return nil, errMissing // want `return with p.mu still locked: other paths unlock it`
	}
	p.free -= n
	return p.mu.Unlock, nil
}

func (p *Pool) Take(n int) error {
	release, err := p.reserve(n)
	if err != nil {
		return err
	}
	defer release()
	p.slots = append(p.slots, n)
	return nil
}

// The function returned is one the model cannot follow (p.done), but
// every caller calls it once the error check has passed. Correct.
func (p *Pool) claim(n int) (func(), error) {
	p.mu.Lock()
	if n > p.free {
		p.mu.Unlock()
		return nil, errMissing
	}
	return p.done, nil
}

func (p *Pool) Claim(n int) error {
	unlock, err := p.claim(n)
	if err != nil {
		return err
	}
	p.free -= n
	unlock()
	return nil
}

// A connection whose reader waits for its response under rlock and, on
// finding it, yields the lock itself to the caller, who unlocks it once
// the body is read (kafka-go's waitResponse). Correct: no caller in this
// package needs to release it for the return to be a hand-over.
type Conn struct {
	rlock sync.Mutex
	ids   []int32
}

func (c *Conn) waitResponse(id int32) (size int, lock *sync.Mutex, err error) {
	for {
		c.rlock.Lock()
		if len(c.ids) == 0 {
			c.rlock.Unlock()
			err = errMissing
			break
		}
		if c.ids[0] == id {
			size, lock = 4, &c.rlock
			break // the caller owns the read lock now
		}
		c.rlock.Unlock()
	}
	return
}

// ReadLocker yields the lock as a sync.Locker on success. Correct.
func (c *Conn) ReadLocker(id int32) (sync.Locker, error) {
	c.rlock.Lock()
	if len(c.ids) == 0 || c.ids[0] != id {
		c.rlock.Unlock()
		return nil, errMissing
	}
	return &c.rlock, nil
}

// peek yields the lock on success, but its short-read path returns
// with the lock held and no lock to release it: the next reader blocks.
func (c *Conn) peek(id int32) (*sync.Mutex, error) {
	c.rlock.Lock()
	if len(c.ids) == 0 {
		c.rlock.Unlock()
		return nil, errMissing
	}
	if len(c.ids) < 2 {
		return nil, errMissing // want `return with c.rlock still locked: other paths unlock it`
	}
	return &c.rlock, nil
}
