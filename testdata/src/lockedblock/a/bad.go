package a

import "sync"

// A transport wakes its keepalive loop when the first stream opens; the
// loop waits for that while holding the mutex NewStream needs.
type transport struct {
	mu      sync.Mutex
	awaken  chan struct{}
	streams []int
}

func newTransport() *transport {
	return &transport{awaken: make(chan struct{})}
}

func (t *transport) keepalive() {
	t.mu.Lock()
	if len(t.streams) == 0 {
		<-t.awaken // want `receive from t.awaken while holding t.mu, which every send on or close of it needs: the two goroutines block each other forever`
	}
	t.mu.Unlock()
}

func (t *transport) NewStream() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.streams = append(t.streams, len(t.streams))
	select {
	case t.awaken <- struct{}{}:
	default:
	}
}

// A framer resets its idle timer by sending, under the write lock; the
// monitor only ever closes the channel, also under the write lock.
type framer struct {
	writeLock sync.Mutex
	reset     chan bool
	closed    chan bool
}

func newFramer() *framer {
	f := &framer{reset: make(chan bool), closed: make(chan bool)}
	go f.monitor()
	return f
}

func (f *framer) monitor() {
	<-f.closed
	f.writeLock.Lock()
	close(f.reset)
	f.reset = nil
	f.writeLock.Unlock()
}

func (f *framer) WriteFrame() {
	f.writeLock.Lock()
	defer f.writeLock.Unlock()
	if f.reset == nil {
		return
	}
	f.reset <- true // want `send on f.reset while holding f.writeLock, which every receive or close of it needs`
}

func (f *framer) Close() { close(f.closed) }
