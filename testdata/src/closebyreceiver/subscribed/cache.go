// Package subscribed covers a subscriber that closes its channel after
// receiving the one value each goroutine it started can send: a
// Register that pushes the current state once (go-kit's sd cache). The
// receive often sits in a select whose timeout fails the test, or in a
// helper that does: the close is reached only once the value came.
package subscribed

import "sync"

type Event struct{ Instances []string }

type Cache struct {
	mtx   sync.Mutex
	state Event
	reg   map[chan<- Event]struct{}
}

func NewCache() *Cache { return &Cache{reg: map[chan<- Event]struct{}{}} }

// Register pushes the current state to a new channel, once.
func (c *Cache) Register(ch chan<- Event) {
	c.mtx.Lock()
	defer c.mtx.Unlock()
	c.reg[ch] = struct{}{}
	ch <- c.state
}

func (c *Cache) Deregister(ch chan<- Event) {
	c.mtx.Lock()
	defer c.mtx.Unlock()
	delete(c.reg, ch)
}

// Wait receives the first state within d, or reports that none came.
func Wait(ch chan Event, fail func()) (Event, bool) {
	select {
	case e := <-ch:
		return e, true
	default:
		fail()
		return Event{}, false
	}
}
