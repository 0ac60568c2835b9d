// Package testinputs: a monitor's listen loop sends each event it
// decodes; its tests call it directly with inputs of their own.
package testinputs

import (
	"bufio"
	"encoding/json"
	"io"
)

type Event struct{ Name string }

type monitor struct{}

// listen sends an event per line that decodes, and closes both channels
// when the input ends.
func (m *monitor) listen(r io.Reader, events chan<- Event, errs chan<- error) {
	defer close(events)
	defer close(errs)
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		var e Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return
		}
		events <- e
	}
}

// summarize always sends its count before it returns.
func summarize(lines []string, done chan<- int) {
	done <- len(lines)
}
