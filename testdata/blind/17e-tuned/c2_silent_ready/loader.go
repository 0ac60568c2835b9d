package ready

import (
	"encoding/json"
	"sync"
)

type Settings struct {
	Region  string `json:"region"`
	Retries int    `json:"retries"`
}

type Provider struct {
	lock     sync.Mutex
	arrived  *sync.Cond
	pending  []byte
	haveData bool
	current  Settings
	parseErr error
	finished sync.WaitGroup
}

func NewProvider() *Provider {
	p := &Provider{}
	p.arrived = sync.NewCond(&p.lock)
	p.finished.Add(1)
	go p.decodeWhenReady()
	return p
}

func (p *Provider) decodeWhenReady() {
	defer p.finished.Done()
	p.lock.Lock()
	defer p.lock.Unlock()
	for !p.haveData {
		p.arrived.Wait()
	}
	p.parseErr = json.Unmarshal(p.pending, &p.current)
}

func (p *Provider) Supply(blob []byte) error {
	p.lock.Lock()
	p.pending = blob
	p.haveData = true
	p.arrived.Signal()
	p.lock.Unlock()

	p.finished.Wait()

	p.lock.Lock()
	defer p.lock.Unlock()
	return p.parseErr
}

func (p *Provider) Current() Settings {
	p.lock.Lock()
	defer p.lock.Unlock()
	return p.current
}
