package b3_round_poller

import (
	"net/http"
	"sync"
	"time"
)

// Result is the outcome of probing one endpoint.
type Result struct {
	URL    string
	Status int
	Err    error
}

// Poller probes a set of endpoints for a fixed number of rounds and lets
// observers wait for each round to finish.
type Poller struct {
	client *http.Client
	urls   []string
	rounds int

	mu      sync.Mutex
	results []Result
	roundCh chan struct{}
}

// NewPoller returns a poller for urls.
func NewPoller(urls []string, rounds int) *Poller {
	return &Poller{
		client: &http.Client{Timeout: 5 * time.Second},
		urls:   urls,
		rounds: rounds,
	}
}

// RoundDone returns a channel that is closed when the current round completes.
func (p *Poller) RoundDone() <-chan struct{} {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.roundCh
}

// Results returns a copy of the last round's results.
func (p *Poller) Results() []Result {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]Result, len(p.results))
	copy(out, p.results)
	return out
}

func (p *Poller) probe(url string) Result {
	resp, err := p.client.Get(url)
	if err != nil {
		return Result{URL: url, Err: err}
	}
	resp.Body.Close()
	return Result{URL: url, Status: resp.StatusCode}
}

// Run performs all rounds, signalling observers after each one.
func (p *Poller) Run() {
	done := make(chan struct{})
	p.mu.Lock()
	p.roundCh = done
	p.mu.Unlock()

	for i := 0; i < p.rounds; i++ {
		var wg sync.WaitGroup
		res := make([]Result, len(p.urls))
		for j, u := range p.urls {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res[j] = p.probe(u)
			}()
		}
		wg.Wait()

		p.mu.Lock()
		p.results = res
		p.mu.Unlock()
		close(done) // BAD: done is made once before the loop, so the second round closes it again
		time.Sleep(time.Second)
	}
}
