// Correct: the probe goroutine stores p.healthy/p.detail, then finish runs p.do(func() { close(p.done) }); Check reads them only after receiving from p.done.
package g4_health_probe

import (
	"context"
	"net"
	"sync"
	"time"
)

// Probe performs a one-shot TCP health check against an address.
type Probe struct {
	addr    string
	timeout time.Duration

	once sync.Once
	done chan struct{}

	healthy bool
	detail  string
}

// NewProbe returns a probe for addr.
func NewProbe(addr string, timeout time.Duration) *Probe {
	return &Probe{addr: addr, timeout: timeout, done: make(chan struct{})}
}

// do runs fn at most once over the probe's lifetime.
func (p *Probe) do(fn func()) {
	p.once.Do(fn)
}

func (p *Probe) finish() {
	p.do(func() { close(p.done) })
}

func (p *Probe) dial() (bool, string) {
	d := net.Dialer{Timeout: p.timeout}
	conn, err := d.Dial("tcp", p.addr)
	if err != nil {
		return false, err.Error()
	}
	conn.Close()
	return true, "ok"
}

// Check runs the probe and reports whether the target is healthy. If ctx
// ends first, the probe is reported unhealthy without looking at its result.
func (p *Probe) Check(ctx context.Context) (bool, string) {
	go func() {
		ok, detail := p.dial()
		p.healthy = ok
		p.detail = detail
		p.finish()
	}()

	select {
	case <-p.done:
		return p.healthy, p.detail
	case <-ctx.Done():
		return false, "probe: " + ctx.Err().Error()
	}
}
