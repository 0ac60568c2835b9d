// BAD: checkSummary fails only when a summary arrived and differs from the expected
// one; when waitFor times out (ok == false) the test passes and the goroutine stays
// blocked on `results <- s` forever.
package logstats

import (
	"strings"
	"testing"
	"time"
)

// waitFor receives from ch, giving up after d.
func waitFor[T any](ch <-chan T, d time.Duration) (T, bool) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case v := <-ch:
		return v, true
	case <-timer.C:
		var zero T
		return zero, false
	}
}

// checkSummary compares a received summary with the expected one.
func checkSummary(t *testing.T, got Summary, ok bool, want Summary) {
	t.Helper()
	if ok && got != want {
		t.Fatalf("summary = %+v, want %+v", got, want)
	}
}

const sampleLog = `
INFO  server started
WARN  cache cold
ERROR upstream 502
INFO  request served
ERROR upstream 504
`

func TestSummarizeConcurrentReader(t *testing.T) {
	pr := strings.NewReader(sampleLog)

	results := make(chan Summary) // want "blocks forever"
	go func() {
		s, err := Summarize(pr)
		if err != nil {
			s = Summary{Lines: -1}
		}
		results <- s
	}()

	got, ok := waitFor(results, 200*time.Millisecond)
	checkSummary(t, got, ok, Summary{Lines: 5, Errors: 2, Warns: 1})
}

func TestSummarizeEmpty(t *testing.T) {
	s, err := Summarize(strings.NewReader("\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s != (Summary{}) {
		t.Fatalf("Summarize(blank) = %+v, want zero", s)
	}
}
