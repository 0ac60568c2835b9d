// Package store is a small append-only key/value store.
package store

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

var ErrAlreadyOpen = errors.New("store: already open")

type Store struct {
	mu      sync.Mutex
	path    string
	f       *os.File
	w       *bufio.Writer
	index   map[string]int64
	offset  int64
	opened  bool
	closing chan struct{}
	wg      sync.WaitGroup
}

func New(dir string) *Store {
	return &Store{path: filepath.Join(dir, "data.log"), closing: make(chan struct{})}
}

// Open opens the data file and starts the background flusher.
func (s *Store) Open() error {
	if s.opened {
		return ErrAlreadyOpen
	}
	if err := s.openDatabase(); err != nil {
		return err
	}
	s.opened = true
	s.wg.Add(1)
	go s.flushLoop()
	return nil
}

func (s *Store) openDatabase() error {
	f, err := os.OpenFile(s.path, os.O_CREATE|os.O_RDWR|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("open %s: %w", s.path, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	s.f = f
	s.w = bufio.NewWriter(f)
	s.index = make(map[string]int64)
	s.offset = st.Size()
	return nil
}

func (s *Store) Put(key, val string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, err := fmt.Fprintf(s.w, "%s=%s\n", key, val)
	if err != nil {
		return err
	}
	s.index[key] = s.offset
	s.offset += int64(n)
	return nil
}

func (s *Store) Offset(key string) (int64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	off, ok := s.index[key]
	return off, ok
}

func (s *Store) flushLoop() {
	defer s.wg.Done()
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-s.closing:
			return
		case <-t.C:
			s.mu.Lock()
			s.w.Flush()
			s.mu.Unlock()
		}
	}
}

func (s *Store) Close() error {
	close(s.closing)
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.w.Flush(); err != nil {
		return err
	}
	return s.f.Close()
}
