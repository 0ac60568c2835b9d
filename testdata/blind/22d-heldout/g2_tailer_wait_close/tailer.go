// GOOD: Shutdown closes quit, waits on wg for every reader goroutine to return, and only then closes lines.
package g2_tailer_wait_close

import (
	"bufio"
	"io"
	"sync"
)

// Line is one line read from a named source.
type Line struct {
	Source string
	Text   string
}

// Tailer fans in lines from several readers onto a single channel.
type Tailer struct {
	lines    chan Line
	quit     chan struct{}
	wg       sync.WaitGroup
	shutOnce sync.Once
}

// NewTailer returns a tailer with no sources attached.
func NewTailer() *Tailer {
	return &Tailer{
		lines: make(chan Line, 64),
		quit:  make(chan struct{}),
	}
}

// Lines returns the merged stream; it is closed after Shutdown.
func (t *Tailer) Lines() <-chan Line { return t.lines }

// Follow starts forwarding lines read from r under the given name.
func (t *Tailer) Follow(name string, r io.Reader) {
	t.wg.Add(1)
	go t.forward(name, r)
}

func (t *Tailer) forward(name string, r io.Reader) {
	defer t.wg.Done()
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		select {
		case t.lines <- Line{Source: name, Text: sc.Text()}:
		case <-t.quit:
			return
		}
	}
}

// Shutdown stops all forwarders and closes Lines once they have exited.
func (t *Tailer) Shutdown() {
	t.shutOnce.Do(func() {
		close(t.quit)
		t.wg.Wait()
		close(t.lines)
	})
}
