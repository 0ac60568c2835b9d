package audit

import "time"

// Shutdown stops accepting lines, ships what is buffered and waits.
func (b *Batcher) Shutdown() {
	b.mu.Lock()
	defer func() {
		b.mu.Unlock()
		<-b.exited
	}()
	if b.stopping {
		return
	}
	b.stopping = true
	b.halt <- struct{}{}
}

func (b *Batcher) flusher() {
	defer close(b.exited)
	tick := time.NewTicker(b.every)
	defer tick.Stop()
	var batch []string
	ship := func() {
		if len(batch) > 0 {
			_ = b.ship.Ship(batch)
			batch = nil
		}
	}
	for {
		select {
		case l := <-b.lines:
			batch = append(batch, l)
			if len(batch) >= b.maxLen {
				ship()
			}
		case <-tick.C:
			ship()
		case <-b.halt:
			close(b.halt)
			close(b.lines)
			for l := range b.lines {
				batch = append(batch, l)
			}
			ship()
			return
		}
	}
}
