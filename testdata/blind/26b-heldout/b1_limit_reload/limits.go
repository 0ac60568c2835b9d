package b1_limit_reload

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// limitTable maps tenant names to request-per-second limits.
type limitTable struct {
	mu       sync.Mutex
	limits   map[string]int
	fallback int
	revision int
}

func newLimitTable(fallback int) *limitTable {
	return &limitTable{limits: make(map[string]int), fallback: fallback}
}

// Get returns the limit configured for tenant.
func (t *limitTable) Get(tenant string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	if n, ok := t.limits[tenant]; ok {
		return n
	}
	return t.fallback
}

// Set overrides a single tenant's limit.
func (t *limitTable) Set(tenant string, n int) {
	t.mu.Lock()
	t.limits[tenant] = n
	t.revision++
	t.mu.Unlock()
}

func (t *limitTable) Revision() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.revision
}

// reload replaces the whole table from "tenant=limit" lines.
func (t *limitTable) reload(r io.Reader) error {
	m := make(map[string]int)
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, val, ok := strings.Cut(line, "=")
		if !ok {
			return fmt.Errorf("bad line %q", line)
		}
		n, err := strconv.Atoi(strings.TrimSpace(val))
		if err != nil {
			return fmt.Errorf("tenant %s: %w", name, err)
		}
		m[strings.TrimSpace(name)] = n
	}
	if err := sc.Err(); err != nil {
		return err
	}
	t.limits = m // BAD: replaces the guarded map without t.mu while the admin handler reloads a shared table
	t.revision++ // BAD: bumps the guarded revision without t.mu on a table other goroutines read
	return nil
}
