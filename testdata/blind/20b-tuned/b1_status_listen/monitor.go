package b1_status_listen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// Event is a single health report emitted by an agent.
type Event struct {
	Host   string `json:"host"`
	Status string `json:"status"`
}

// Monitor tracks the last known status of every host it has heard from.
type Monitor struct {
	mu   sync.Mutex
	seen map[string]string
}

func NewMonitor() *Monitor {
	return &Monitor{seen: make(map[string]string)}
}

// listen decodes one JSON event per line from r and forwards it on events.
// Malformed lines are reported on errs. Both channels are closed when r is
// exhausted.
func (m *Monitor) listen(r io.Reader, events chan<- Event, errs chan<- error) {
	defer close(events)
	defer close(errs)

	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		var ev Event
		if err := json.Unmarshal(line, &ev); err != nil {
			errs <- fmt.Errorf("monitor: bad line %q: %w", line, err)
			continue
		}
		m.record(ev)
		events <- ev
	}
	if err := sc.Err(); err != nil {
		errs <- err
	}
}

func (m *Monitor) record(ev Event) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.seen[ev.Host] = ev.Status
}

// Status returns the last status reported for host.
func (m *Monitor) Status(host string) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.seen[host]
	return s, ok
}
