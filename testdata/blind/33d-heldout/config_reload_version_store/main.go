// BAD: Reload iterates the services under m.mu.RLock and setVersion stores svc.version
// without svc.mu; Handle and Version read it under svc.mu only, so the stale read lock on
// the manager gives no protection against concurrent handlers or a second Reload.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Service struct {
	Name string

	mu      sync.Mutex
	version string
	served  int
}

func (s *Service) Handle(req string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.served++
	return fmt.Sprintf("%s@%s: %s", s.Name, s.version, strings.ToUpper(req))
}

func (s *Service) Version() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version
}

func (s *Service) Pin(v string) {
	s.mu.Lock()
	s.version = v
	s.mu.Unlock()
}

func setVersion(s *Service, v string) {
	s.version = v // want "without holding"
}

type Manager struct {
	mu       sync.RWMutex
	services map[string]*Service
}

func NewManager(names ...string) *Manager {
	m := &Manager{services: make(map[string]*Service)}
	for _, n := range names {
		m.services[n] = &Service{Name: n, version: "v0"}
	}
	return m
}

func (m *Manager) Service(name string) (*Service, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	s, ok := m.services[name]
	return s, ok
}

// Reload applies a new config; it is triggered by SIGHUP or the admin API while
// requests keep flowing.
func (m *Manager) Reload(cfg map[string]string) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	for name, s := range m.services {
		if v, ok := cfg[name]; ok {
			setVersion(s, v)
		}
	}
}

func main() {
	m := NewManager("billing", "search")
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if s, ok := m.Service([]string{"billing", "search"}[i%2]); ok {
				fmt.Println(s.Handle("ping"))
			}
		}(i)
	}
	m.Reload(map[string]string{"billing": "v2", "search": "v3"})
	if s, ok := m.Service("search"); ok {
		s.Pin("v3.1")
	}
	wg.Wait()
	s, _ := m.Service("billing")
	fmt.Println(s.Version())
}
