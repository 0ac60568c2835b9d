package pool

import (
	"context"
	"sync"
)

// A Completer tells subscribers about finished jobs. Its Start
// goroutine defers the close of the subscription channel and then
// waits for the in-flight Complete calls: the deferred close runs as
// the goroutine returns, after the Wait, as a close written after it
// would. Silent.
type Completer struct {
	updates chan<- int
	wg      sync.WaitGroup
}

func (c *Completer) Complete(id int) {
	c.wg.Add(1)
	defer c.wg.Done()
	c.updates <- id
}

func (c *Completer) Start(ctx context.Context) {
	go func() {
		defer close(c.updates)
		<-ctx.Done()
		c.wg.Wait()
	}()
}

// A Notifier defers the same close but waits for nothing: Notify may
// still send when the context ends.
type Notifier struct {
	updates chan<- int
}

func (n *Notifier) Notify(id int) {
	n.updates <- id
}

func (n *Notifier) Start(ctx context.Context) {
	go func() {
		defer close(n.updates) // want `close of n.updates in a goroutine is not ordered after the send in exported Notify: the send may panic`
		<-ctx.Done()
	}()
}
