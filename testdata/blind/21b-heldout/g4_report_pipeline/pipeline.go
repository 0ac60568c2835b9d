// Correct: every stage runs synchronously in Run's loop and does all of its sends itself (the parallel scoring in enrich is joined before any send), so each stage is complete before the next starts and before the result channels are closed.
package g4_report_pipeline

import (
	"strings"
	"sync"
)

type Row struct {
	Account string
	Amount  int64
	Score   float64
}

type Stage interface {
	Name() string
	Process(rows []Row, kept chan<- Row, dropped chan<- string) []Row
}

type Pipeline struct {
	stages []Stage
}

func New(stages ...Stage) *Pipeline { return &Pipeline{stages: stages} }

type Report struct {
	Rows    []Row
	Dropped []string
}

func (p *Pipeline) Run(rows []Row) Report {
	kept := make(chan Row)
	dropped := make(chan string)
	var rep Report
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for r := range kept {
			rep.Rows = append(rep.Rows, r)
		}
	}()
	go func() {
		defer wg.Done()
		for reason := range dropped {
			rep.Dropped = append(rep.Dropped, reason)
		}
	}()

	for _, st := range p.stages {
		rows = st.Process(rows, kept, dropped)
	}

	close(kept)
	close(dropped)
	wg.Wait()
	return rep
}

// filterStage drops rows for closed or blank accounts.
type filterStage struct{ closed map[string]bool }

func (filterStage) Name() string { return "filter" }

func (f filterStage) Process(rows []Row, _ chan<- Row, dropped chan<- string) []Row {
	out := rows[:0:0]
	for _, r := range rows {
		if strings.TrimSpace(r.Account) == "" || f.closed[r.Account] {
			dropped <- "filter: " + r.Account
			continue
		}
		out = append(out, r)
	}
	return out
}

// enrichStage scores rows in parallel, then emits them in order.
type enrichStage struct {
	score func(Row) float64
}

func (enrichStage) Name() string { return "enrich" }

func (e enrichStage) Process(rows []Row, kept chan<- Row, _ chan<- string) []Row {
	scored := make([]Row, len(rows))
	var wg sync.WaitGroup
	for i, r := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.Score = e.score(r)
			scored[i] = r
		}()
	}
	wg.Wait()
	for _, r := range scored {
		kept <- r
	}
	return scored
}
