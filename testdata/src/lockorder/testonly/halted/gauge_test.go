package halted

import "testing"

func snapshot(g *Gauge) (int, int) {
	g.histMu.Lock()
	defer g.histMu.Unlock()
	g.mu.Lock() // want `lock order inversion: Gauge.mu is locked while Gauge.histMu is held`
	defer g.mu.Unlock()
	return g.cur, len(g.hist)
}

// Halt has not joined the sampler: it may still be in sample.
func TestGaugeHalted(t *testing.T) {
	g := NewGauge()
	samples := make(chan int)
	g.Start(samples)
	samples <- 1
	g.Halt()
	snapshot(g)
	g.Wait()
}

// Joined on one branch only: the other reaches the snapshot with the
// sampler running.
func TestGaugeMaybeJoined(t *testing.T) {
	g := NewGauge()
	samples := make(chan int)
	g.Start(samples)
	g.Halt()
	if testing.Short() {
		g.Wait()
	}
	snapshot(g)
}
