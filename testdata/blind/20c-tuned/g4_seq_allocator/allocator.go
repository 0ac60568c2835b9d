// GOOD: the allocator loop ranges over a request channel that nothing ever closes, so it never exits and plain sends always find a receiver.
package g4_seq_allocator

import "fmt"

type opKind int

const (
	opNext opKind = iota
	opReserve
	opPeek
)

type allocReq struct {
	kind      opKind
	namespace string
	n         uint64
	reply     chan allocResp
}

type allocResp struct {
	first uint64
	err   error
}

// Allocator hands out monotonically increasing IDs per namespace.
type Allocator struct {
	reqs chan allocReq
	max  uint64
}

// NewAllocator starts the allocator; it serves requests for the life of the process.
func NewAllocator(max uint64) *Allocator {
	a := &Allocator{reqs: make(chan allocReq), max: max}
	go a.serve()
	return a
}

func (a *Allocator) serve() {
	next := make(map[string]uint64)
	for req := range a.reqs {
		cur := next[req.namespace]
		switch req.kind {
		case opPeek:
			req.reply <- allocResp{first: cur + 1}
		case opNext, opReserve:
			if cur+req.n > a.max {
				req.reply <- allocResp{err: fmt.Errorf("namespace %q exhausted at %d", req.namespace, cur)}
				continue
			}
			next[req.namespace] = cur + req.n
			req.reply <- allocResp{first: cur + 1}
		}
	}
}

func (a *Allocator) do(kind opKind, ns string, n uint64) (uint64, error) {
	req := allocReq{kind: kind, namespace: ns, n: n, reply: make(chan allocResp, 1)}
	a.reqs <- req
	resp := <-req.reply
	return resp.first, resp.err
}

// Next returns the next ID in namespace ns.
func (a *Allocator) Next(ns string) (uint64, error) { return a.do(opNext, ns, 1) }

// Reserve reserves a block of n consecutive IDs and returns the first one.
func (a *Allocator) Reserve(ns string, n uint64) (uint64, error) { return a.do(opReserve, ns, n) }

// Peek returns the ID that Next would return, without consuming it.
func (a *Allocator) Peek(ns string) uint64 {
	id, _ := a.do(opPeek, ns, 0)
	return id
}
