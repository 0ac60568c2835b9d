package dbpool

import "time"

type Stats struct {
	Open  int
	Idle  int
	Waits int
}

func (p *Pool) noteWait() {
	p.statsMu.Lock()
	p.waits++
	p.statsMu.Unlock()
}

func (p *Pool) Stats() Stats {
	p.statsMu.Lock()
	defer p.statsMu.Unlock()
	open, idle := p.counts()
	return Stats{Open: open, Idle: idle, Waits: p.waits}
}

func (p *Pool) counts() (int, int) {
	p.connMu.Lock()
	defer p.connMu.Unlock()
	return p.open, len(p.idle)
}

func (p *Pool) janitor() {
	for range time.Tick(p.maxIdle) {
		p.connMu.Lock()
		kept := p.idle[:0]
		for _, c := range p.idle {
			if time.Since(c.lastUsed) < p.maxIdle {
				kept = append(kept, c)
			} else {
				p.open--
			}
		}
		p.idle = kept
		p.connMu.Unlock()
	}
}
