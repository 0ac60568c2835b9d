// Broadcast handed on as a function value: whoever calls it wakes the
// Cond, so no Cond.Wait of the package is reported.
package condvalue

import (
	"sync"
	"time"
)

type waiter struct {
	cond  *sync.Cond
	fired bool
}

func newWaiter(d time.Duration) *waiter {
	w := &waiter{cond: sync.NewCond(&sync.Mutex{})}
	time.AfterFunc(d, w.cond.Broadcast)
	return w
}

func (w *waiter) wait() {
	w.cond.L.Lock()
	for !w.fired {
		w.cond.Wait()
	}
	w.cond.L.Unlock()
}

var _ = newWaiter
