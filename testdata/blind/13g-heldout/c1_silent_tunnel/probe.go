package tunnel

import "time"

func (t *Tunnel) sendProbe() {
	t.nextProbe++
	id := t.nextProbe
	t.outstand[id] = time.Now()
	t.mu.Lock()
	dst := t.remote
	t.stats.Probes++
	t.mu.Unlock()
	t.conn.WriteTo([]byte{byte(id >> 8), byte(id)}, dst)
}

func (t *Tunnel) onEcho(id uint16) {
	sent, ok := t.outstand[id]
	if !ok {
		return
	}
	delete(t.outstand, id)
	t.updateRTT(time.Since(sent))
	t.misses = 0
	t.setPath(PathValidated)
}

func (t *Tunnel) updateRTT(sample time.Duration) {
	if t.smoothed == 0 {
		t.smoothed = sample
	} else {
		t.smoothed = (7*t.smoothed + sample) / 8
	}
}

func (t *Tunnel) expireProbes() {
	cutoff := time.Now().Add(-3 * time.Second)
	for id, at := range t.outstand {
		if at.Before(cutoff) {
			delete(t.outstand, id)
			t.misses++
		}
	}
	if t.misses >= 3 {
		t.setPath(PathFailed)
	}
}

func (t *Tunnel) setPath(p PathState) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.path = p
	t.stats.Healthy = t.path == PathValidated
	t.stats.RTT = t.smoothed
}
