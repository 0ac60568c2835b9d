package halted

import "sync"

// Gauge's sampler holds mu while it locks histMu. Halt asks it to stop
// but does not wait for it.
type Gauge struct {
	mu     sync.Mutex
	cur    int
	histMu sync.Mutex
	hist   []int
	quit   chan struct{}
	wg     sync.WaitGroup
}

func NewGauge() *Gauge { return &Gauge{quit: make(chan struct{})} }

func (g *Gauge) Start(samples chan int) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		for {
			select {
			case <-g.quit:
				return
			case v := <-samples:
				g.sample(v)
			}
		}
	}()
}

func (g *Gauge) sample(v int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.cur = v
	g.histMu.Lock()
	g.hist = append(g.hist, v)
	g.histMu.Unlock()
}

func (g *Gauge) Halt() { close(g.quit) }

// Wait joins the sampler.
func (g *Gauge) Wait() { g.wg.Wait() }
