package main

import (
	"fmt"
	"sync"
)

type Session struct {
	ID    string
	Token string
}

// Manager refreshes session tokens through a background refresher.
type Manager struct {
	mu       sync.Mutex
	sessions map[string]*Session
	refreshN int
	onIssue  func(s *Session)
}

func NewManager() *Manager {
	m := &Manager{sessions: make(map[string]*Session)}
	m.onIssue = func(s *Session) {
		m.mu.Lock()
		m.refreshN++
		m.mu.Unlock()
	}
	return m
}

func (m *Manager) issue(id string, out chan<- string) {
	tok := fmt.Sprintf("tok-%s-%d", id, len(id))
	m.onIssue(&Session{ID: id, Token: tok})
	out <- tok
}

// Refresh replaces the token of a session, keeping the map locked so no
// reader sees a half-updated session.
func (m *Manager) Refresh(id string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.sessions[id]
	if !ok {
		s = &Session{ID: id}
		m.sessions[id] = s
	}
	out := make(chan string)
	go m.issue(id, out)
	s.Token = <-out
	return s.Token
}

func main() {
	m := NewManager()
	fmt.Println(m.Refresh("alice"))
}
