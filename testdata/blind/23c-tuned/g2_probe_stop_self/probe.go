// Correct: p.stop is closed only by the probe loop itself, right after it has sent on p.result, so Await never blocks on a loop that already quit.
package g2_probe_stop_self

import (
	"fmt"
	"net"
	"time"
)

// Result reports the outcome of waiting for a dependency to become healthy.
type Result struct {
	Attempts int
	Healthy  bool
	At       time.Time
}

// Prober polls a health check until it passes or the attempt budget is spent.
type Prober struct {
	check       func() error
	interval    time.Duration
	maxAttempts int

	stop   chan struct{}
	result chan Result
}

func StartProber(check func() error, interval time.Duration, maxAttempts int) *Prober {
	p := &Prober{
		check:       check,
		interval:    interval,
		maxAttempts: maxAttempts,
		stop:        make(chan struct{}),
		result:      make(chan Result),
	}
	go p.loop()
	return p
}

func (p *Prober) loop() {
	t := time.NewTicker(p.interval)
	defer t.Stop()
	attempts := 0
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			attempts++
			err := p.check()
			if err == nil || attempts >= p.maxAttempts {
				p.result <- Result{Attempts: attempts, Healthy: err == nil, At: time.Now()}
				close(p.stop)
			}
		}
	}
}

// Await blocks until the prober has a verdict.
func (p *Prober) Await() Result {
	return <-p.result
}

// WaitTCP waits until addr accepts TCP connections.
func WaitTCP(addr string, interval time.Duration, maxAttempts int) error {
	p := StartProber(func() error {
		c, err := net.DialTimeout("tcp", addr, interval)
		if err != nil {
			return err
		}
		return c.Close()
	}, interval, maxAttempts)
	r := p.Await()
	if !r.Healthy {
		return fmt.Errorf("%s not healthy after %d attempts", addr, r.Attempts)
	}
	return nil
}
