// Package jobqueue runs jobs fetched from a queue and reports completions in
// batches to a completion store.
package jobqueue

import (
	"sync"
	"time"
)

// Job is one unit of work.
type Job struct {
	ID   int64
	Kind string
}

// completer collects finished job IDs and flushes them to the store.
type completer struct {
	doneCh chan int64
	wg     sync.WaitGroup

	mu        sync.Mutex
	completed []int64
}

func newCompleter() *completer {
	return &completer{doneCh: make(chan int64, 16)}
}

func (c *completer) Start() {
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		for id := range c.doneCh {
			c.mu.Lock()
			c.completed = append(c.completed, id)
			c.mu.Unlock()
		}
	}()
}

// JobDone records that job id has finished.
func (c *completer) JobDone(id int64) {
	c.doneCh <- id
}

func (c *completer) Stop() {
	close(c.doneCh)
	c.wg.Wait()
}

// producer pulls jobs off the queue, works them, and reports completions.
type producer struct {
	queue <-chan Job
	comp  *completer
	quit  chan struct{}
}

func (p *producer) run(work func(Job)) {
	for {
		select {
		case <-p.quit:
			return
		case j := <-p.queue:
			work(j)
			p.comp.JobDone(j.ID)
		}
	}
}

// Client owns the producers and the completer.
type Client struct {
	comp      *completer
	producers []*producer
	wg        sync.WaitGroup
}

// NewClient starts workers producers reading from queue.
func NewClient(queue <-chan Job, workers int, work func(Job)) *Client {
	c := &Client{comp: newCompleter()}
	c.comp.Start()
	for i := 0; i < workers; i++ {
		p := &producer{queue: queue, comp: c.comp, quit: make(chan struct{})}
		c.producers = append(c.producers, p)
		c.wg.Add(1)
		go func() {
			defer c.wg.Done()
			p.run(work)
		}()
	}
	return c
}

// Stop shuts the client down.
func (c *Client) Stop() {
	c.comp.Stop()
	for _, p := range c.producers {
		close(p.quit)
	}
	c.wg.Wait()
}

// Completed returns the IDs reported so far.
func (c *Client) Completed() []int64 {
	c.comp.mu.Lock()
	defer c.comp.mu.Unlock()
	return append([]int64(nil), c.comp.completed...)
}

// SlowWork is a work function used by tests and examples.
func SlowWork(Job) { time.Sleep(time.Millisecond) }
