// Package completer is internal: its exported methods are called only
// by other packages of the module, which this analysis cannot see. The
// module's client stops every producer and waits for them before it
// stops the completer, so Complete never sends after Stop's close; an
// order the analysis cannot see is not reported. The same type in a
// package any client may import is reported (sendafterclose/pool's
// WorkerPool).
package completer

import "context"

type Completer struct {
	updates chan int
}

func New(ctx context.Context) *Completer {
	c := &Completer{updates: make(chan int, 16)}
	go func() {
		<-ctx.Done()
		close(c.updates)
	}()
	return c
}

func (c *Completer) Updates() <-chan int { return c.updates }

func (c *Completer) Complete(id int) {
	c.updates <- id
}
