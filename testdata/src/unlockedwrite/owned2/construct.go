package owned2

import "sync"

// Transport is built by NewTransport, which runs Construct and then
// starts the read loop. Construct's write comes before the loop exists
// (it is the constructor's set-up, exported only for the package's
// interface): not reported. Rebuffer, which clients call at any time,
// races with the loop.
type Transport struct {
	mu      sync.Mutex
	lastErr error

	in    chan string
	quit  chan struct{}
	queue []string
}

func NewTransport() *Transport {
	t := &Transport{in: make(chan string), quit: make(chan struct{})}
	t.Construct(16)
	go t.read()
	return t
}

// Construct initializes the transport's queue.
func (t *Transport) Construct(n int) {
	t.queue = make([]string, 0, n)
}

func (t *Transport) read() {
	for {
		select {
		case m := <-t.in:
			t.queue = append(t.queue, m)
		case <-t.quit:
			return
		}
	}
}

// Rebuffer replaces the queue while the loop appends to it.
func (t *Transport) Rebuffer(n int) {
	t.queue = make([]string, 0, n) // want `write to t.queue in Rebuffer without a lock, while the goroutine running read accesses it`
	t.mu.Lock()
	t.lastErr = nil
	t.mu.Unlock()
}

// Close stops the loop.
func (t *Transport) Close() { close(t.quit) }
