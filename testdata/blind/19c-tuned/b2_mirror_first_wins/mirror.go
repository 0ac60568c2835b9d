package b2_mirror_first_wins

import (
	"errors"
	"sync"
	"time"
)

// Mirror is a package mirror that can be asked for the checksum of a module.
type Mirror struct {
	Name    string
	Latency time.Duration

	mu   sync.Mutex
	sums map[string]string
}

func NewMirror(name string, latency time.Duration) *Mirror {
	return &Mirror{Name: name, Latency: latency, sums: make(map[string]string)}
}

func (m *Mirror) Put(mod, sum string) {
	m.mu.Lock()
	m.sums[mod] = sum
	m.mu.Unlock()
}

var ErrNotFound = errors.New("mirror: module not found")

func (m *Mirror) Checksum(mod string) (string, error) {
	time.Sleep(m.Latency)
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.sums[mod]
	if !ok {
		return "", ErrNotFound
	}
	return s, nil
}
