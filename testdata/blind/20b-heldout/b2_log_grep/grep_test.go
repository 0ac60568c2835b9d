package b2_log_grep

import "testing"

func TestGrepCountsMatches(t *testing.T) {
	g, err := NewGrepper(`level=error`)
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{
		"ts=1 level=info msg=start",
		"ts=2 level=error msg=timeout",
		"ts=3 level=info msg=retry",
	}
	got, sum := g.Grep(lines)
	if len(got) != 1 || sum.Matches != 1 || sum.Lines != 3 {
		t.Fatalf("got %v, %+v", got, sum)
	}
}
