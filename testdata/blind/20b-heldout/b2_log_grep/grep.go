package b2_log_grep

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
)

// Summary describes one pass over a log.
type Summary struct {
	Lines   int
	Matches int
}

// Grepper filters log lines by a regular expression.
type Grepper struct {
	pattern *regexp.Regexp
}

func NewGrepper(expr string) (*Grepper, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, fmt.Errorf("grep: %w", err)
	}
	return &Grepper{pattern: re}, nil
}

// scan sends every matching line on found and always finishes by sending a
// summary on done.
func (g *Grepper) scan(lines []string, found chan<- string, done chan<- Summary) {
	var sum Summary
	for _, l := range lines {
		sum.Lines++
		if g.pattern.MatchString(l) {
			sum.Matches++
			found <- l
		}
	}
	done <- sum
}

// Grep returns the matching lines together with a summary of the pass.
func (g *Grepper) Grep(lines []string) ([]string, Summary) {
	found := make(chan string)
	done := make(chan Summary)

	g.scan(lines, found, done) // BAD: scan always sends the summary on unbuffered done (and matches on found) but runs on the receiving goroutine

	var out []string
	for {
		select {
		case l := <-found:
			out = append(out, l)
		case sum := <-done:
			return out, sum
		}
	}
}

// GrepFile runs Grep over the lines of the file at path.
func (g *Grepper) GrepFile(path string) ([]string, Summary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, Summary{}, err
	}
	defer f.Close()

	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return nil, Summary{}, err
	}
	out, sum := g.Grep(lines)
	return out, sum, nil
}
