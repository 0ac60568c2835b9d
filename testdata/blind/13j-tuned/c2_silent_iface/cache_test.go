package cache

import (
	"fmt"
	"testing"
)

// fatalReporter is the part of testing.TB the assertions need.
type fatalReporter interface {
	Helper()
	Fatalf(format string, args ...any)
}

func noError(r fatalReporter, err error, format string, args ...any) {
	r.Helper()
	if err != nil {
		r.Fatalf("%s: %v", fmt.Sprintf(format, args...), err)
	}
}

func equal(r fatalReporter, got, want string) {
	r.Helper()
	if got != want {
		r.Fatalf("got %q, want %q", got, want)
	}
}

func TestBatchReload(t *testing.T) {
	version := 0
	c := New(func() (map[string]string, error) {
		version++
		return map[string]string{"v": fmt.Sprint(version)}, nil
	})

	for round := 1; round <= 3; round++ {
		c.Lock()
		if err := c.ReloadLocked(); err != nil {
			c.Unlock()
			noError(t, err, "reload round %d", round)
		}
		c.Unlock()

		v, _ := c.Get("v")
		equal(t, v, fmt.Sprint(round))
	}
}
