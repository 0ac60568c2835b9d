// BAD: the fake Notifier sends every message on an unbuffered channel made by the test,
// Fire calls it for a critical alert, and the test never receives from that channel.

// Package alerting routes alerts above a severity threshold to a notifier.
package alerting

import (
	"context"
	"fmt"
	"sync"
)

// Severity orders alerts from informational to critical.
type Severity int

const (
	SeverityInfo Severity = iota
	SeverityWarning
	SeverityCritical
)

// Alert is a single alert instance.
type Alert struct {
	Name     string
	Severity Severity
	Summary  string
}

// Notifier delivers a rendered alert message.
type Notifier interface {
	Notify(ctx context.Context, msg string) error
}

// Manager fires alerts at or above a threshold.
type Manager struct {
	n         Notifier
	threshold Severity

	mu    sync.Mutex
	fired int
}

// NewManager returns a Manager that forwards alerts to n.
func NewManager(n Notifier, threshold Severity) *Manager {
	return &Manager{n: n, threshold: threshold}
}

// Fire renders a and sends it if its severity meets the threshold.
func (m *Manager) Fire(ctx context.Context, a Alert) error {
	if a.Severity < m.threshold {
		return nil
	}
	msg := fmt.Sprintf("[%s] %s", a.Name, a.Summary)
	if err := m.n.Notify(ctx, msg); err != nil {
		return fmt.Errorf("alerting: notify %s: %w", a.Name, err)
	}
	m.mu.Lock()
	m.fired++
	m.mu.Unlock()
	return nil
}

// Fired returns the number of alerts delivered.
func (m *Manager) Fired() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.fired
}
