// BAD: the test's assertion helper checks the received summary only when one
// arrived, so a timed-out wait passes and strands the summarizing goroutine.
package logstats

import (
	"bufio"
	"io"
	"strings"
)

// Summary counts log lines by level.
type Summary struct {
	Lines  int
	Errors int
	Warns  int
}

// Summarize reads log lines from r and tallies them by level.
func Summarize(r io.Reader) (Summary, error) {
	var s Summary
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		s.Lines++
		switch {
		case strings.HasPrefix(line, "ERROR"):
			s.Errors++
		case strings.HasPrefix(line, "WARN"):
			s.Warns++
		}
	}
	return s, sc.Err()
}
