// Package shutdown: a consumer that closes its own input on shutdown,
// and the near-misses where the producers' side closes.
package shutdown

import "sync"

type Indexer struct {
	docs chan string
	quit chan struct{}
	seen map[string]bool
}

// Add is called by any number of producers.
func (ix *Indexer) Add(doc string) { ix.docs <- doc }

func (ix *Indexer) Start() { go ix.loop() }

func (ix *Indexer) Stop() { close(ix.quit) }

// Bad: the consumer closes the input the producers send on; an Add
// that comes after panics.
func (ix *Indexer) loop() {
	for {
		select {
		case d := <-ix.docs:
			ix.seen[d] = true
		case <-ix.quit:
			close(ix.docs) // want `ix.docs closed by its receiver while another goroutine sends on it`
			return
		}
	}
}

// Near-misses, silent.

// A pool whose owner submits, then closes: the producer side closes,
// the workers only receive.
type Pool struct {
	jobs chan func()
	wg   sync.WaitGroup
}

func NewPool(n int) *Pool {
	p := &Pool{jobs: make(chan func())}
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go p.work()
	}
	return p
}

func (p *Pool) work() {
	defer p.wg.Done()
	for j := range p.jobs {
		j()
	}
}

func (p *Pool) Submit(j func()) { p.jobs <- j }

func (p *Pool) Close() {
	close(p.jobs)
	p.wg.Wait()
}

// The results are closed by a method that first waits for every
// worker on the WaitGroup the struct holds.
type Batch struct {
	wg      sync.WaitGroup
	results chan int
}

func (b *Batch) Run(in []int) <-chan int {
	b.results = make(chan int)
	for _, v := range in {
		b.wg.Add(1)
		go b.square(v)
	}
	go b.finish()
	return b.results
}

func (b *Batch) square(v int) {
	defer b.wg.Done()
	b.results <- v * v
}

func (b *Batch) finish() {
	b.wg.Wait()
	close(b.results)
}
