// Package ordered: writes without the lock that every other access is
// ordered with by the goroutines' starts or by a request's answer.
package ordered

import (
	"net"
	"sync"
	"time"
)

type remote struct {
	addr   string
	failed bool
}

// Proxy is etcd's tcpproxy: Run fills in remotes before it starts the
// goroutines that read them under mu (runMonitor, and serve through
// pick); nothing writes remotes after them.
type Proxy struct {
	Listener  net.Listener
	Endpoints []string

	mu        sync.Mutex // guards the following fields
	remotes   []*remote
	pickCount int
}

func (p *Proxy) Run() error {
	for _, ep := range p.Endpoints {
		p.remotes = append(p.remotes, &remote{addr: ep}) // silent: before the go statements
	}
	go p.runMonitor()
	for {
		in, err := p.Listener.Accept()
		if err != nil {
			return err
		}
		go p.serve(in)
	}
}

func (p *Proxy) pick() *remote {
	for i := 0; i < len(p.remotes); i++ {
		r := p.remotes[p.pickCount%len(p.remotes)]
		p.pickCount++
		if !r.failed {
			return r
		}
	}
	return nil
}

func (p *Proxy) serve(in net.Conn) {
	p.mu.Lock()
	r := p.pick()
	p.mu.Unlock()
	_ = r
	in.Close()
}

func (p *Proxy) runMonitor() {
	for range time.Tick(time.Second) {
		p.mu.Lock()
		for _, r := range p.remotes {
			r.failed = false
		}
		p.mu.Unlock()
	}
}

// LateProxy adds its remotes after runMonitor has started: the
// monitor may read them meanwhile.
type LateProxy struct {
	Endpoints []string

	mu        sync.Mutex // guards the following fields
	remotes   []*remote
	pickCount int
}

func (p *LateProxy) Run() {
	go p.runMonitor()
	for _, ep := range p.Endpoints {
		p.remotes = append(p.remotes, &remote{addr: ep}) // want `write to p.remotes without holding p.mu`
	}
}

func (p *LateProxy) Pick() *remote {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pickCount++
	return p.remotes[p.pickCount%len(p.remotes)]
}

func (p *LateProxy) runMonitor() {
	for range time.Tick(time.Second) {
		p.mu.Lock()
		for _, r := range p.remotes {
			r.failed = false
		}
		p.mu.Unlock()
	}
}

// SetProxy's setter can be called while the goroutines Run started
// read the remotes, and so can Len and Add while Run fills them in: no
// go statement orders those.
type SetProxy struct {
	Endpoints []string

	mu        sync.Mutex // guards the following fields
	remotes   []*remote
	pickCount int
}

func (p *SetProxy) Run() {
	for _, ep := range p.Endpoints {
		p.remotes = append(p.remotes, &remote{addr: ep}) // want `write to p.remotes without holding p.mu`
	}
	go p.runMonitor()
}

func (p *SetProxy) Len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.remotes)
}

func (p *SetProxy) Add(r *remote) {
	p.mu.Lock()
	p.remotes = append(p.remotes, r)
	p.mu.Unlock()
}

func (p *SetProxy) SetRemotes(rs []*remote) {
	p.remotes = rs // want `write to p.remotes without holding p.mu`
}

func (p *SetProxy) runMonitor() {
	for range time.Tick(time.Second) {
		p.mu.Lock()
		for _, r := range p.remotes {
			r.failed = false
		}
		p.pickCount++
		p.mu.Unlock()
	}
}

// Pool's spawn fills in the workers' jobs, then starts them, but
// Resize runs spawn once per size: the second run writes while the
// first run's workers read.
type Pool struct {
	mu   sync.Mutex
	jobs []int // guarded by mu
	done int
}

func (p *Pool) spawn(n int) {
	p.jobs = make([]int, n) // want `write to p.jobs without holding p.mu`
	for i := 0; i < n; i++ {
		go p.work(i)
	}
}

func (p *Pool) Resize(sizes []int) {
	for _, n := range sizes {
		p.spawn(n)
	}
}

func (p *Pool) work(i int) {
	p.mu.Lock()
	p.jobs[i]++
	p.done++
	p.mu.Unlock()
}

// Crew's spawn runs once, from Run: its write precedes the workers.
type Crew struct {
	mu   sync.Mutex
	jobs []int // guarded by mu
	done int
}

func (c *Crew) Run(n int) { c.spawn(n) }

func (c *Crew) spawn(n int) {
	c.jobs = make([]int, n) // silent: before the go statements, once
	for i := 0; i < n; i++ {
		go c.work(i)
	}
}

func (c *Crew) work(i int) {
	c.mu.Lock()
	c.jobs[i]++
	c.done++
	c.mu.Unlock()
}
