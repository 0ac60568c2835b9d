package featureflags

import (
	"encoding/json"
	"os"
	"sync"
	"time"
)

type Rule struct {
	Name    string   `json:"name"`
	Enabled bool     `json:"enabled"`
	Tenants []string `json:"tenants"`
}

type Flags struct {
	mu    sync.RWMutex
	rules map[string]Rule
	path  string
}

func Open(path string) (*Flags, error) {
	f := &Flags{path: path, rules: map[string]Rule{}}
	if err := f.reload(); err != nil {
		return nil, err
	}
	go func() {
		for range time.Tick(10 * time.Second) {
			_ = f.reload()
		}
	}()
	return f, nil
}

func (f *Flags) reload() error {
	data, err := os.ReadFile(f.path)
	if err != nil {
		return err
	}
	var rules []Rule
	if err := json.Unmarshal(data, &rules); err != nil {
		return err
	}
	m := make(map[string]Rule, len(rules))
	for _, r := range rules {
		m[r.Name] = r
	}
	f.mu.Lock()
	f.rules = m
	f.mu.Unlock()
	return nil
}
