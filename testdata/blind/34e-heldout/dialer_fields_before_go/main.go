// GOOD: every field the heartbeat goroutine touches (s.interval, s.beats, s.lastErr,
// s.probe) is written in Dial before the go statement; afterwards only the goroutine
// writes them and readers go through the results channel, so there is no race.
package main

import (
	"errors"
	"fmt"
	"time"
)

// Prober checks whether the remote side is still alive.
type Prober func() error

// Session keeps a remote session alive with periodic heartbeats.
type Session struct {
	name     string
	interval time.Duration
	probe    Prober
	beats    int
	lastErr  error
	results  chan error
	quit     chan struct{}
}

// Dial opens a session and starts its heartbeat.
func Dial(name string, probe Prober, interval time.Duration) (*Session, error) {
	if probe == nil {
		return nil, errors.New("session: nil prober")
	}
	s := &Session{name: name}
	s.interval = interval
	if s.interval <= 0 {
		s.interval = 30 * time.Second
	}
	s.probe = probe
	s.beats = 0
	s.lastErr = nil
	s.results = make(chan error, 1)
	s.quit = make(chan struct{})
	go s.heartbeat()
	return s, nil
}

func (s *Session) heartbeat() {
	t := time.NewTicker(s.interval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			s.beats++
			s.lastErr = s.probe()
			if s.lastErr != nil {
				s.results <- fmt.Errorf("%s: heartbeat %d: %w", s.name, s.beats, s.lastErr)
				return
			}
		case <-s.quit:
			return
		}
	}
}

// Failures reports the error that ended the heartbeat, if any.
func (s *Session) Failures() <-chan error { return s.results }

// Hangup stops the heartbeat.
func (s *Session) Hangup() { close(s.quit) }

func main() {
	n := 0
	s, err := Dial("db-primary", func() error {
		n++
		if n > 3 {
			return errors.New("timeout")
		}
		return nil
	}, 5*time.Millisecond)
	if err != nil {
		fmt.Println(err)
		return
	}
	select {
	case err := <-s.Failures():
		fmt.Println(err)
	case <-time.After(time.Second):
		s.Hangup()
	}
}
