// Class 5, SILENT: Close marks the tailer closed and calls SignalAndWait while holding t.mu, the lock Feed holds while it checks closed and sends, and run closes lines only after that signal, so no Feed can send after the close.
package c5_silent_signalandwait

import (
	"io"
	"sync"
)

// stopper is a small request-and-wait helper in the style of y.Closer.
type stopper struct {
	sig  chan struct{}
	once sync.Once
	wg   sync.WaitGroup
}

func newStopper() *stopper { return &stopper{sig: make(chan struct{})} }

func (s *stopper) AddRunning(n int)          { s.wg.Add(n) }
func (s *stopper) Done()                     { s.wg.Done() }
func (s *stopper) Stopping() <-chan struct{} { return s.sig }
func (s *stopper) SignalAndWait() {
	s.once.Do(func() { close(s.sig) })
	s.wg.Wait()
}

type Tailer struct {
	mu     sync.Mutex
	closed bool
	lines  chan string
	out    io.Writer
	st     *stopper
}

func NewTailer(out io.Writer) *Tailer {
	t := &Tailer{lines: make(chan string, 32), out: out, st: newStopper()}
	t.st.AddRunning(1)
	go t.run()
	return t
}

// Feed hands a line to the writer goroutine; false after Close.
func (t *Tailer) Feed(line string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return false
	}
	t.lines <- line
	return true
}

func (t *Tailer) run() {
	defer t.st.Done()
	for {
		select {
		case l := <-t.lines:
			io.WriteString(t.out, l+"\n")
		case <-t.st.Stopping():
			close(t.lines)
			for l := range t.lines {
				io.WriteString(t.out, l+"\n")
			}
			return
		}
	}
}

func (t *Tailer) Close() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.closed = true
	t.st.SignalAndWait()
}
