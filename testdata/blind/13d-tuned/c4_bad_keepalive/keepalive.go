package wsconn

import (
	"sync"
	"time"
)

// heartbeat calls onPong for every pong it sees on the wire.
type heartbeat struct {
	pongs  <-chan time.Time
	onPong func(time.Time)

	mu      sync.Mutex
	stopped bool
	stopCh  chan struct{}
	wg      sync.WaitGroup
}

func newHeartbeat(pongs <-chan time.Time, onPong func(time.Time)) *heartbeat {
	h := &heartbeat{pongs: pongs, onPong: onPong, stopCh: make(chan struct{})}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		for {
			select {
			case <-h.stopCh:
				return
			case at := <-h.pongs:
				h.onPong(at)
			}
		}
	}()
	return h
}

func (h *heartbeat) Stop() {
	h.mu.Lock()
	if !h.stopped {
		h.stopped = true
		close(h.stopCh)
	}
	h.mu.Unlock()
	h.wg.Wait()
}
