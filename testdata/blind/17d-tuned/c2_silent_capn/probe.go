package healthz

import (
	"context"
	"net"
	"sort"
	"time"
)

type Status struct {
	Target string
	Up     bool
	RTT    time.Duration
}

type Prober struct {
	Dialer  net.Dialer
	Targets []string
}

func (p *Prober) probe(ctx context.Context, target string) Status {
	start := time.Now()
	conn, err := p.Dialer.DialContext(ctx, "tcp", target)
	if err != nil {
		return Status{Target: target}
	}
	conn.Close()
	return Status{Target: target, Up: true, RTT: time.Since(start)}
}

func (p *Prober) FirstDown(ctx context.Context) (string, bool) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()

	statuses := make(chan Status, len(p.Targets))
	for _, t := range p.Targets {
		go func(t string) {
			statuses <- p.probe(ctx, t)
		}(t)
	}

	var seen []string
	for range p.Targets {
		s := <-statuses
		if !s.Up {
			return s.Target, true
		}
		seen = append(seen, s.Target)
	}
	sort.Strings(seen)
	return "", false
}
