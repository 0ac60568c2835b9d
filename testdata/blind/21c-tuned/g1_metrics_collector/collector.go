// Correct: start() runs synchronously in the constructor and Adds before `go c.loop()`; loop's own Adds happen while its count is still held.
package g1_metrics_collector

import (
	"fmt"
	"io"
	"sort"
	"sync"
	"time"
)

// Collector aggregates counters and flushes them to a sink periodically.
type Collector struct {
	sink     io.Writer
	interval time.Duration
	incr     chan string
	stop     chan struct{}
	wg       sync.WaitGroup
	sinkMu   sync.Mutex
}

// NewCollector returns a running collector.
func NewCollector(sink io.Writer, interval time.Duration) *Collector {
	c := &Collector{
		sink:     sink,
		interval: interval,
		incr:     make(chan string, 256),
		stop:     make(chan struct{}),
	}
	c.start()
	return c
}

func (c *Collector) start() {
	c.wg.Add(1)
	go c.loop()
}

// Inc bumps a counter; it never blocks the caller.
func (c *Collector) Inc(name string) {
	select {
	case c.incr <- name:
	default:
	}
}

func (c *Collector) loop() {
	defer c.wg.Done()
	counts := make(map[string]int)
	t := time.NewTicker(c.interval)
	defer t.Stop()
	for {
		select {
		case name := <-c.incr:
			counts[name]++
		case <-t.C:
			if len(counts) == 0 {
				continue
			}
			snapshot := counts
			counts = make(map[string]int)
			c.wg.Add(1)
			go func() {
				defer c.wg.Done()
				c.flush(snapshot)
			}()
		case <-c.stop:
			c.flush(counts)
			return
		}
	}
}

func (c *Collector) flush(counts map[string]int) {
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Strings(names)
	c.sinkMu.Lock()
	defer c.sinkMu.Unlock()
	for _, n := range names {
		fmt.Fprintf(c.sink, "%s %d\n", n, counts[n])
	}
}

// Close stops the loop and waits until every pending flush has been written.
func (c *Collector) Close() {
	close(c.stop)
	c.wg.Wait()
}
