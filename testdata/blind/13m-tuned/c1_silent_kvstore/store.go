package main

import (
	"fmt"
	"sync"
)

type entry struct {
	value   string
	version int
}

// KVServer is a tiny in-memory key-value server.
type KVServer struct {
	mu      sync.Mutex
	data    map[string]entry
	deletes int
	version int
}

func NewKVServer() *KVServer {
	return &KVServer{data: make(map[string]entry)}
}

func (s *KVServer) setLocked(key, value string) {
	s.version++
	s.data[key] = entry{value: value, version: s.version}
}

func (s *KVServer) del(key string) bool {
	if _, ok := s.data[key]; !ok {
		return false
	}
	delete(s.data, key)
	s.deletes++
	return true
}

func (s *KVServer) Put(key, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.setLocked(key, value)
}

func (s *KVServer) Get(key string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.data[key]
	return e.value, ok
}

// CompareAndDelete removes key only if its version matches.
func (s *KVServer) CompareAndDelete(key string, version int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.data[key]; !ok || e.version != version {
		return false
	}
	return s.del(key)
}

// Delete removes a key unconditionally.
func (s *KVServer) Delete(key string) bool {
	s.mu.Lock()
	ok := s.del(key)
	s.mu.Unlock()
	return ok
}

// Rename moves a value to a new key.
func (s *KVServer) Rename(from, to string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.data[from]
	if !ok {
		return false
	}
	s.del(from)
	s.setLocked(to, e.value)
	return true
}

func (s *KVServer) Stats() (int, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.data), s.deletes
}

func main() {
	s := NewKVServer()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				k := fmt.Sprintf("k%d", j%10)
				s.Put(k, fmt.Sprint(id))
				switch j % 3 {
				case 0:
					s.Delete(k)
				case 1:
					s.Rename(k, k+"x")
				}
			}
		}(i)
	}
	wg.Wait()
	n, d := s.Stats()
	fmt.Println("keys", n, "deletes", d)
}
