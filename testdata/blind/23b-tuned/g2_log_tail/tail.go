// Correct: the producer selects on the done channel that ReadUntil closes on every return, so an early return (match or ctx.Done) never strands it on a send.
package g2_log_tail

import (
	"bufio"
	"context"
	"io"
	"strings"
)

// Line is one log line with its 1-based position.
type Line struct {
	N    int
	Text string
}

// Tailer reads lines from a log stream.
type Tailer struct {
	r io.Reader
}

// NewTailer wraps r.
func NewTailer(r io.Reader) *Tailer { return &Tailer{r: r} }

func (t *Tailer) produce(done <-chan struct{}, out chan<- Line) {
	defer close(out)
	sc := bufio.NewScanner(t.r)
	n := 0
	for sc.Scan() {
		n++
		select {
		case out <- Line{N: n, Text: sc.Text()}:
		case <-done:
			return
		}
	}
}

// ReadUntil returns the lines up to and including the first one that
// contains marker, or ctx.Err() if the context ends first.
func (t *Tailer) ReadUntil(ctx context.Context, marker string) ([]Line, error) {
	done := make(chan struct{})
	defer close(done)

	out := make(chan Line)
	go t.produce(done, out)

	var lines []Line
	for {
		select {
		case l, ok := <-out:
			if !ok {
				return lines, io.EOF
			}
			lines = append(lines, l)
			if strings.Contains(l.Text, marker) {
				return lines, nil
			}
		case <-ctx.Done():
			return lines, ctx.Err()
		}
	}
}
