// Package backptr checks locks reached through a back pointer: the
// elements of a map field that point at the map's owner (every
// replica in s.replicas has r.store == s), so that a callee locking
// r.store.mu, for r read out of s.replicas, locks s.mu (cockroach's
// issue 3710).
package backptr

import "sync"

type Store struct {
	mu       sync.RWMutex
	queue    *queue
	replicas map[int]*Replica
	n        int
}

type Replica struct {
	store *Store
	id    int
}

type queue struct {
	mu sync.Mutex
}

func NewStore(ids []int) *Store {
	s := &Store{queue: &queue{}, replicas: make(map[int]*Replica)}
	for _, id := range ids {
		r := &Replica{store: s, id: id}
		s.replicas[id] = r
	}
	return s
}

func (s *Store) status() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.n
}

func (s *Store) bump() {
	s.mu.Lock()
	s.n++
	s.mu.Unlock()
}

func (q *queue) maybeAdd(r *Replica) {
	q.mu.Lock()
	defer q.mu.Unlock()
	shouldQueue(r)
}

func shouldQueue(r *Replica) { _ = r.store.status() }

// Bad: s.mu read-locked, and maybeAdd reaches r.store.status, which
// read-locks r.store.mu, that is s.mu; bump's writer may queue between.
func (s *Store) Scan() {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, r := range s.replicas {
		s.queue.maybeAdd(r) // want `maybeAdd locks s.mu, which is already read-locked: recursive read locking deadlocks once a writer waits`
	}
}

// Bad: a lookup reads the element too, and s.mu is write-locked.
func (s *Store) Touch(id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.replicas[id]; ok {
		shouldQueue(r) // want `shouldQueue locks s.mu for reading, which is already locked`
	}
}

// Good: the lock is released before the replicas are visited.
func (s *Store) ScanOK() {
	s.mu.RLock()
	rs := make([]*Replica, 0, len(s.replicas))
	for _, r := range s.replicas {
		rs = append(rs, r)
	}
	s.mu.RUnlock()
	for _, r := range rs {
		s.queue.maybeAdd(r)
	}
}

// Good: a replica of another store is not s.
func (s *Store) Other(o *Store) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range o.replicas {
		shouldQueue(r)
	}
}

// Group's members are inserted from a parameter: whose group they
// point at is unknown, so nothing is reported.
type Group struct {
	mu      sync.Mutex
	members map[string]*Member
}

type Member struct {
	group *Group
	name  string
}

func (m *Member) ping() {
	m.group.mu.Lock()
	m.group.mu.Unlock()
}

func (g *Group) Add(m *Member) { g.members[m.name] = m }

func (g *Group) PingAll() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, m := range g.members {
		m.ping()
	}
}

// Pool's workers are built pointing at another pool than the one whose
// map holds them: no back pointer.
type Pool struct {
	mu      sync.Mutex
	workers map[int]*Worker
}

type Worker struct {
	pool *Pool
}

func (w *Worker) done() {
	w.pool.mu.Lock()
	w.pool.mu.Unlock()
}

func Adopt(p, parent *Pool) {
	w := &Worker{pool: parent}
	p.workers[0] = w
}

func (p *Pool) Drain() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, w := range p.workers {
		w.done()
	}
}

// Tree's children may be moved to another parent: the back field is
// written after construction, so it is not trusted.
type Tree struct {
	mu       sync.Mutex
	children map[string]*Node
}

type Node struct {
	parent *Tree
}

func (n *Node) touch() {
	n.parent.mu.Lock()
	n.parent.mu.Unlock()
}

func (t *Tree) Grow(name string) {
	n := &Node{parent: t}
	t.children[name] = n
}

func (n *Node) Move(to *Tree) { n.parent = to }

func (t *Tree) Walk() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, n := range t.children {
		n.touch()
	}
}

// Registry's map is handed out: anyone may insert into it.
type Registry struct {
	mu      sync.Mutex
	entries map[string]*Entry
}

type Entry struct {
	reg *Registry
}

func (e *Entry) refresh() {
	e.reg.mu.Lock()
	e.reg.mu.Unlock()
}

func (r *Registry) Register(name string) {
	e := &Entry{reg: r}
	r.entries[name] = e
}

func (r *Registry) Entries() map[string]*Entry { return r.entries }

func (r *Registry) RefreshAll() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, e := range r.entries {
		e.refresh()
	}
}

// Shelf's map is also reached through a copy of the struct, whose
// insertions are not followed: no back pointer.
type Shelf struct {
	mu    sync.Mutex
	books map[int]*Book
}

type Book struct {
	shelf *Shelf
}

func NewShelf() *Shelf {
	s := &Shelf{books: map[int]*Book{}}
	b := &Book{shelf: s}
	s.books[0] = b
	return s
}

func (b *Book) read() {
	b.shelf.mu.Lock()
	b.shelf.mu.Unlock()
}

func Smuggle(s *Shelf, b *Book) {
	c := *s
	c.books[1] = b
}

func (s *Shelf) ReadAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, b := range s.books {
		b.read()
	}
}
