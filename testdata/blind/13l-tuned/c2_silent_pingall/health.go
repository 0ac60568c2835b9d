package health

import (
	"errors"
	"fmt"
	"time"
)

// Backend is something that can be probed.
type Backend interface {
	Name() string
	Ping() error
}

// Report is the outcome of probing one backend.
type Report struct {
	Name    string
	Err     error
	Latency time.Duration
}

// ProbeAll pings every backend concurrently and returns one report each.
func ProbeAll(backends []Backend) []Report {
	results := make(chan Report)
	for _, b := range backends {
		go func() {
			start := time.Now()
			err := b.Ping()
			results <- Report{Name: b.Name(), Err: err, Latency: time.Since(start)}
		}()
	}
	reports := make([]Report, 0, len(backends))
	for range backends {
		reports = append(reports, <-results)
	}
	close(results)
	return reports
}

// Summary collapses reports into a single error.
func Summary(reports []Report) error {
	var errs []error
	for _, r := range reports {
		if r.Err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", r.Name, r.Err))
		}
	}
	return errors.Join(errs...)
}
