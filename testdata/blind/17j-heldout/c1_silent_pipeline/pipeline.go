// Package ingest is a three-stage ingestion pipeline: raw lines are
// parsed, enriched with tenant metadata and delivered on Out. Lines that
// fail a stage are reported on Errs.
package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// Record is a parsed and enriched input line.
type Record struct {
	Tenant string
	Key    string
	Count  int
	Region string
}

// Pipeline wires the stages together with unbuffered channels.
type Pipeline struct {
	raw      chan string
	parsed   chan Record
	out      chan Record
	errs     chan error
	pending  sync.WaitGroup
	regionOf map[string]string
}

func NewPipeline(regions map[string]string) *Pipeline {
	p := &Pipeline{
		raw:      make(chan string),
		parsed:   make(chan Record),
		out:      make(chan Record),
		errs:     make(chan error),
		regionOf: regions,
	}
	go p.parseStage()
	go p.enrichStage()
	return p
}

func (p *Pipeline) Out() <-chan Record { return p.out }
func (p *Pipeline) Errs() <-chan error { return p.errs }

// Publish feeds one raw line into the pipeline.
func (p *Pipeline) Publish(line string) {
	p.pending.Add(1)
	p.raw <- line
}

func (p *Pipeline) parseStage() {
	for line := range p.raw {
		fields := strings.Split(line, ",")
		if len(fields) != 3 {
			p.errs <- fmt.Errorf("ingest: malformed line %q", line)
			p.pending.Done()
			continue
		}
		n, err := strconv.Atoi(fields[2])
		if err != nil {
			p.errs <- fmt.Errorf("ingest: bad count in %q: %w", line, err)
			p.pending.Done()
			continue
		}
		p.parsed <- Record{Tenant: fields[0], Key: fields[1], Count: n}
	}
}

func (p *Pipeline) enrichStage() {
	for r := range p.parsed {
		p.enrich(r)
	}
}

func (p *Pipeline) enrich(r Record) {
	defer p.pending.Done()
	region, ok := p.regionOf[r.Tenant]
	if !ok {
		p.errs <- fmt.Errorf("ingest: unknown tenant %q", r.Tenant)
		return
	}
	r.Region = region
	p.out <- r
}

// Close waits for every published line to leave the pipeline and then
// closes the channels. Out and Errs must be drained until closed.
func (p *Pipeline) Close() {
	p.pending.Wait()
	close(p.raw)
	close(p.parsed)
	close(p.out)
	close(p.errs)
}
