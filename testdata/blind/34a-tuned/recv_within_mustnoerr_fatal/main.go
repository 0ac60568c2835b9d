// GOOD: recvWithin returns a non-nil error only on timeout and the test's mustNoErr
// calls t.Fatalf for any non-nil error, so the test fails whenever the sender is stranded.
package config

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Config is a flat key=value configuration.
type Config map[string]string

// Parse reads key=value lines, ignoring blanks and # comments.
func Parse(r io.Reader) (Config, error) {
	cfg := Config{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		k, v, ok := strings.Cut(text, "=")
		if !ok {
			return nil, fmt.Errorf("config: line %d: missing '='", line)
		}
		cfg[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return cfg, sc.Err()
}

// Get returns the value for key or def when unset.
func (c Config) Get(key, def string) string {
	if v, ok := c[key]; ok {
		return v
	}
	return def
}
