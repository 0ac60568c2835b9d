package g3_fanout_pipeline

import (
	"context"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	jobs := []Job{{1, "a"}, {2, "b"}, {3, "c"}, {4, "d"}, {5, "e"}}
	res := Run(context.Background(), jobs, 3, func(j Job) Job {
		j.Data = strings.ToUpper(j.Data)
		return j
	})
	if len(res) != len(jobs) {
		t.Fatalf("got %d results, want %d", len(res), len(jobs))
	}
}
