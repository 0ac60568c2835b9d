package resize

import (
	"strings"
	"testing"
)

func TestResizerRun(t *testing.T) {
	jobs := []Job{
		{Name: "a.png", Width: 800, Height: 600},
		{Name: "b.png", Width: 0, Height: 10},
		{Name: "c.png", Width: 100, Height: 100},
	}
	r := &Resizer{MaxSide: 256}

	results := make(chan Result)
	logged := make(chan string)
	logDone := make(chan struct{})
	var lines []string
	go func() {
		defer close(logDone)
		for l := range logged {
			lines = append(lines, l)
		}
	}()

	go r.Run(jobs, results)

	for i := range jobs {
		res := <-results
		if res.Name != jobs[i].Name {
			t.Errorf("result %d: got %q, want %q", i, res.Name, jobs[i].Name)
		}
		if res.Err != nil {
			logged <- "error: " + res.Err.Error()
			continue
		}
		logged <- res.Out
	}
	close(results)
	close(logged)
	<-logDone

	if len(lines) != len(jobs) {
		t.Fatalf("got %d log lines, want %d", len(lines), len(jobs))
	}
	if !strings.HasPrefix(lines[1], "error:") {
		t.Errorf("line 1 = %q, want error", lines[1])
	}
	if lines[0] != "a@200x150" {
		t.Errorf("line 0 = %q", lines[0])
	}
}
