// Class 3, BAD: Shutdown calls p.halt(), which closes p.quit, and then closes p.quit again itself; halt never replaces the channel, so the second close panics ("close of closed channel").
package c3_bad_doublestop

import (
	"sync"
	"time"
)

type Poller struct {
	interval time.Duration
	quit     chan struct{}
	wg       sync.WaitGroup
	fetch    func() error
}

func NewPoller(every time.Duration, fetch func() error) *Poller {
	p := &Poller{interval: every, quit: make(chan struct{}), fetch: fetch}
	p.wg.Add(1)
	go p.loop()
	return p
}

func (p *Poller) loop() {
	defer p.wg.Done()
	t := time.NewTicker(p.interval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			_ = p.fetch()
		case <-p.quit:
			return
		}
	}
}

// halt stops the polling loop and waits for it.
func (p *Poller) halt() {
	close(p.quit)
	p.wg.Wait()
}

// Shutdown stops polling and makes sure any late listener on quit is released.
func (p *Poller) Shutdown() {
	p.halt()
	// wake anything still selecting on quit
	close(p.quit) // WANT sendafterclose
}
