package hits

import (
	"testing"
	"time"
)

func TestObserveFromLogTail(t *testing.T) {
	c := &Counter{Prefix: "/api/"}
	lines := make(chan string, 16)
	go func() {
		for p := range lines {
			c.Observe(p)
		}
	}()

	for _, p := range []string{"/api/users", "/static/app.js", "/api/orders", "/healthz", "/api/users/7"} {
		lines <- p
	}
	close(lines)

	time.Sleep(50 * time.Millisecond)
	if c.Views != 3 {
		t.Fatalf("Views = %d, want 3", c.Views)
	}
}
