package b1_config_refresh

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Source loads one named configuration section.
type Source interface {
	Load(ctx context.Context, name string) (map[string]string, error)
}

// Store keeps the latest value of every configuration section and refreshes
// them all in parallel.
type Store struct {
	src      Source
	sections []string

	mu       sync.Mutex
	values   map[string]map[string]string
	errs     map[string]error
	lastLoad time.Time
}

// NewStore returns a store for the given sections.
func NewStore(src Source, sections ...string) *Store {
	return &Store{
		src:      src,
		sections: sections,
		values:   make(map[string]map[string]string),
		errs:     make(map[string]error),
	}
}

// set records the outcome of loading one section.
func (s *Store) set(name string, v map[string]string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.errs[name] = err
		return
	}
	delete(s.errs, name)
	s.values[name] = v
}

// Refresh reloads every section. The lock is held for the whole refresh so
// that two refreshes never interleave.
func (s *Store) Refresh(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()

	var wg sync.WaitGroup
	for _, name := range s.sections {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			v, err := s.src.Load(ctx, name)
			s.set(name, v, err)
		}(name)
	}
	wg.Wait() // BAD: Refresh holds s.mu while the loaders block in s.set on s.mu before their Done

	s.lastLoad = time.Now()
	if len(s.errs) > 0 {
		return fmt.Errorf("config: %d sections failed to load", len(s.errs))
	}
	return nil
}

// Get returns one key of one section.
func (s *Store) Get(section, key string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.values[section][key]
	return v, ok
}
