// Package export runs report exports requested through the admin API.
package export

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type Exporter interface {
	Export(ctx context.Context, report string, from, to time.Time) (string, error)
}

type exportJob struct {
	id       string
	report   string
	from, to time.Time

	mu       sync.Mutex
	finished bool
	location string
	err      error
}

type Service struct {
	exp Exporter

	mu   sync.Mutex
	seq  int
	jobs map[string]*exportJob
}

func NewService(exp Exporter) *Service {
	return &Service{exp: exp, jobs: make(map[string]*exportJob)}
}

// Start queues an export and returns its id immediately.
func (s *Service) Start(ctx context.Context, report string, from, to time.Time) string {
	s.mu.Lock()
	s.seq++
	j := &exportJob{id: fmt.Sprintf("exp-%d", s.seq), report: report, from: from, to: to}
	s.jobs[j.id] = j
	s.mu.Unlock()

	go s.run(context.WithoutCancel(ctx), j)
	return j.id
}

func (s *Service) run(ctx context.Context, j *exportJob) {
	j.mu.Lock()
	if j.finished {
		j.mu.Unlock()
		panic("export: job " + j.id + " already finished")
	}
	j.mu.Unlock()

	loc, err := s.exp.Export(ctx, j.report, j.from, j.to)

	j.mu.Lock()
	j.finished = true
	j.location, j.err = loc, err
	j.mu.Unlock()
}

// Status reports whether the job is done and where its output went.
func (s *Service) Status(id string) (done bool, location string, err error) {
	s.mu.Lock()
	j, ok := s.jobs[id]
	s.mu.Unlock()
	if !ok {
		return false, "", fmt.Errorf("export: unknown job %q", id)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.finished, j.location, j.err
}
