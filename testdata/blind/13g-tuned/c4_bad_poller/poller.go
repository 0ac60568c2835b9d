package health

import (
	"net/http"
	"sync"
	"time"
)

type Status struct {
	URL     string
	Code    int
	Err     error
	Checked time.Time
}

type Poller struct {
	client   *http.Client
	targets  []string
	interval time.Duration

	mu     sync.Mutex
	latest map[string]Status

	stopCh    chan struct{}
	closed    chan struct{}
	closeOnce sync.Once
}

func NewPoller(targets []string, interval time.Duration) *Poller {
	p := &Poller{
		client:   &http.Client{Timeout: 5 * time.Second},
		targets:  targets,
		interval: interval,
		latest:   make(map[string]Status),
		stopCh:   make(chan struct{}),
		closed:   make(chan struct{}),
	}
	go p.loop()
	return p
}

func (p *Poller) loop() {
	t := time.NewTicker(p.interval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			p.checkAll()
		case <-p.stopCh:
			return
		}
	}
}

func (p *Poller) checkAll() {
	for _, u := range p.targets {
		st := Status{URL: u, Checked: time.Now()}
		resp, err := p.client.Get(u)
		if err != nil {
			st.Err = err
		} else {
			st.Code = resp.StatusCode
			resp.Body.Close()
		}
		p.mu.Lock()
		p.latest[u] = st
		p.mu.Unlock()
	}
}

func (p *Poller) Snapshot() map[string]Status {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string]Status, len(p.latest))
	for k, v := range p.latest {
		out[k] = v
	}
	return out
}

func (p *Poller) Closed() <-chan struct{} { return p.closed }

func (p *Poller) Close() {
	p.closeOnce.Do(func() { close(p.closed) })
}
