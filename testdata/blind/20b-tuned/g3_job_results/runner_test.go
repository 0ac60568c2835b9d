package g3_job_results

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestProcessReportsEveryJob(t *testing.T) {
	r := NewRunner(time.Second)
	boom := errors.New("boom")
	jobs := []Job{
		{Name: "ok", Run: func(context.Context) error { return nil }},
		{Name: "fail", Run: func(context.Context) error { return boom }},
	}

	results := make(chan Result, len(jobs))
	r.process(context.Background(), jobs, results)
	close(results)

	var failed int
	for res := range results {
		if errors.Is(res.Err, boom) {
			failed++
		}
	}
	if failed != 1 {
		t.Fatalf("failed = %d, want 1", failed)
	}
}

func TestRunAllAfterStop(t *testing.T) {
	r := NewRunner(time.Second)
	r.Stop()
	got := r.RunAll(context.Background(), []Job{{Name: "a"}, {Name: "b"}})
	if len(got) != 2 || got[0].Err == nil {
		t.Fatalf("got %+v", got)
	}
}
