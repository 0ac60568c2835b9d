// BAD: the collector's loop calls step() for ever; the <-c.done case inside step flushes and returns,
// but that return only leaves step, so after Stop the goroutine keeps calling step and never exits.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Sample is one metric observation.
type Sample struct {
	Name  string
	Value float64
	At    time.Time
}

// Collector batches samples and writes them out.
type Collector struct {
	in    chan Sample
	done  chan struct{}
	out   io.Writer
	batch int
	buf   []Sample
}

// NewCollector returns a collector that flushes every batch samples.
func NewCollector(out io.Writer, batch int) *Collector {
	return &Collector{
		in:    make(chan Sample, 64),
		done:  make(chan struct{}),
		out:   out,
		batch: batch,
	}
}

// Start launches the background collector.
func (c *Collector) Start() {
	go c.run() // want "does not terminate|never terminates"
}

func (c *Collector) run() {
	for {
		c.step()
	}
}

// step handles one event.
func (c *Collector) step() {
	select {
	case <-c.done:
		c.flush()
		return
	case s := <-c.in:
		c.buf = append(c.buf, s)
		if len(c.buf) >= c.batch {
			c.flush()
		}
	}
}

func (c *Collector) flush() {
	if len(c.buf) == 0 {
		return
	}
	var sb strings.Builder
	for _, s := range c.buf {
		fmt.Fprintf(&sb, "%s %g %d\n", s.Name, s.Value, s.At.Unix())
	}
	io.WriteString(c.out, sb.String())
	c.buf = c.buf[:0]
}

// Record queues a sample.
func (c *Collector) Record(name string, v float64) {
	c.in <- Sample{Name: name, Value: v, At: time.Now()}
}

// Stop asks the collector to flush and exit.
func (c *Collector) Stop() { close(c.done) }

func main() {
	c := NewCollector(os.Stdout, 4)
	c.Start()
	for i := 0; i < 10; i++ {
		c.Record("requests_total", float64(i))
	}
	time.Sleep(10 * time.Millisecond)
	c.Stop()
}
