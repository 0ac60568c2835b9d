package schema

import (
	"encoding/json"
	"fmt"
	"sync"
)

type Field struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

type Registry struct {
	mu      sync.Mutex
	checked map[string]int

	initMu  sync.Mutex
	once    sync.Once
	builtin map[string][]Field
	raw     []byte
}

func NewRegistry(raw []byte) *Registry {
	return &Registry{checked: make(map[string]int), raw: raw}
}

func (r *Registry) parseBuiltins() {
	var m map[string][]Field
	if err := json.Unmarshal(r.raw, &m); err != nil {
		m = map[string][]Field{}
	}
	r.initMu.Lock()
	r.builtin = m
	r.initMu.Unlock()
}

func (r *Registry) fields(kind string) []Field {
	r.initMu.Lock()
	defer r.initMu.Unlock()
	return r.builtin[kind]
}

func (r *Registry) Validate(kind string, doc map[string]any) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.once.Do(r.parseBuiltins)
	r.checked[kind]++
	for _, f := range r.fields(kind) {
		if _, ok := doc[f.Name]; !ok {
			return fmt.Errorf("%s: missing field %q", kind, f.Name)
		}
	}
	return nil
}

func (r *Registry) Checked(kind string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.checked[kind]
}
