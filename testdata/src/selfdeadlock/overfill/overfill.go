// Package overfill: sends counted per channel instance, across calls,
// on an object whose channel nothing ever receives from.
package overfill

import "sync"

const rows = 16

type rowChannel struct {
	dataChan chan int
}

func (rc *rowChannel) init(size int) {
	rc.dataChan = make(chan int, size)
}

func (rc *rowChannel) push(v int) {
	rc.dataChan <- v // want `send on rc.dataChan blocks forever: 17 sends on the same object's channel overflow its buffer of 16, and nothing ever receives from it`
}

func (rc *rowChannel) drain() int {
	return <-rc.dataChan
}

type outbox struct {
	rowChannel
}

func (o *outbox) start(wg *sync.WaitGroup) {
	wg.Add(1)
	go o.run(wg)
}

func (o *outbox) run(wg *sync.WaitGroup) {
	wg.Done() // never reads the rows
}

// The loop fills the buffer; the goroutine's push is the 17th.
func Flow() {
	o := &outbox{}
	o.init(rows)
	for i := 0; i < rows; i++ {
		o.push(i)
	}
	go func() {
		o.push(-1)
	}()
	var wg sync.WaitGroup
	o.start(&wg)
	wg.Wait()
}

// A field made with a constant size in a constructor method.
type mailbox struct {
	box chan string
}

func (m *mailbox) open() { m.box = make(chan string, 2) }

func (m *mailbox) post(s string) {
	m.box <- s // want `send on m.box blocks forever: 3 sends on the same object's channel overflow its buffer of 2`
}

func Letters() {
	m := &mailbox{}
	m.open()
	m.post("a")
	m.post("b")
	m.post("c")
}

// Near-misses, silent.

// As many sends as the buffer holds.
func Fits() {
	o := &outbox{}
	o.init(rows)
	for i := 0; i < rows; i++ {
		o.push(i)
	}
}

// Something receives from this object's channel.
func Drained() int {
	o := &outbox{}
	o.init(rows)
	for i := 0; i < rows; i++ {
		o.push(i)
	}
	go func() {
		for {
			o.drain()
		}
	}()
	o.push(-1)
	return 0
}

// The object is handed on: someone else may receive.
var registry []*mailbox

func Registered() {
	m := &mailbox{}
	m.open()
	registry = append(registry, m)
	m.post("a")
	m.post("b")
	m.post("c")
}

// The sends exclude each other.
func Either(first bool) {
	m := &mailbox{}
	m.open()
	m.post("a")
	if first {
		m.post("b")
	} else {
		m.post("c")
	}
}

// Each object gets its own sends: two objects, two sends each.
func TwoObjects() {
	a, b := &mailbox{}, &mailbox{}
	a.open()
	b.open()
	a.post("1")
	b.post("1")
	a.post("2")
	b.post("2")
}

// A send in a select with default never blocks.
type gauge struct {
	samples chan int
}

func (g *gauge) open() { g.samples = make(chan int, 1) }

func (g *gauge) observe(v int) {
	select {
	case g.samples <- v:
	default:
	}
}

func Observe() {
	g := &gauge{}
	g.open()
	g.observe(1)
	g.observe(2)
	g.observe(3)
}

// A send guarded by a check of the buffer's room.
type bounded struct {
	q chan int
}

func (b *bounded) open() { b.q = make(chan int, 1) }

func (b *bounded) offer(v int) bool {
	if len(b.q) == cap(b.q) {
		return false
	}
	b.q <- v
	return true
}

func Offer() {
	b := &bounded{}
	b.open()
	b.offer(1)
	b.offer(2)
}
