// Correct: FirstHealthy stops at the first healthy endpoint but then drains the remaining probe results, so no probe goroutine stays blocked on its send.
package g1_mirror_probe

import (
	"net/http"
	"time"
)

// Mirror is a download mirror reachable through several endpoints.
type Mirror struct {
	Name      string
	Endpoints []string
}

// Prober checks mirrors for liveness.
type Prober struct {
	client  *http.Client
	mirrors []Mirror
}

// NewProber returns a prober with a per-request timeout.
func NewProber(timeout time.Duration, mirrors ...Mirror) *Prober {
	return &Prober{
		client:  &http.Client{Timeout: timeout},
		mirrors: mirrors,
	}
}

type probeResult struct {
	url string
	ok  bool
}

func (p *Prober) check(url string) bool {
	resp, err := p.client.Head(url)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode < 500
}

// probeMirror checks each endpoint of m in turn and reports every outcome.
func (p *Prober) probeMirror(m Mirror, out chan<- probeResult) {
	for _, u := range m.Endpoints {
		out <- probeResult{url: u, ok: p.check(u)}
	}
}

// FirstHealthy returns the first endpoint that answered a probe.
func (p *Prober) FirstHealthy() (string, bool) {
	out := make(chan probeResult)
	total := 0
	for _, m := range p.mirrors {
		total += len(m.Endpoints)
		go p.probeMirror(m, out)
	}

	var best string
	found := false
	received := 0
	for received < total {
		r := <-out
		received++
		if r.ok {
			best, found = r.url, true
			break
		}
	}
	// Drain the probes still in flight so none of them blocks on its send.
	for ; received < total; received++ {
		<-out
	}
	return best, found
}
