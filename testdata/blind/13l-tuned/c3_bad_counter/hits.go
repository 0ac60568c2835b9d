package hits

import "strings"

// Counter tallies page views by path prefix.
type Counter struct {
	Prefix string
	Views  int
}

// Observe records a request path if it matches the prefix.
func (c *Counter) Observe(path string) {
	if strings.HasPrefix(path, c.Prefix) {
		c.Views++
	}
}
