package peers

import "time"

func (p *Peer) heartbeat(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for range t.C {
		if p.expire(3 * every) {
			return
		}
	}
}

func (p *Peer) expire(grace time.Duration) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.lastSeen) < grace {
		return false
	}
	p.outq = nil
	p.set.drop(p.addr)
	return true
}
