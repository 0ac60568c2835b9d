package lru

import (
	"strings"
	"testing"
)

func requireNoError(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Logf("error: %v", err)
		t.FailNow()
	}
}

func TestGetLoadsOnce(t *testing.T) {
	calls := make(chan string, 4)
	c := New(func(key string) (string, error) {
		calls <- key
		return strings.ToUpper(key), nil
	})

	done := make(chan string)
	go func() {
		v, err := c.Get("alpha")
		if err != nil {
			v = "error: " + err.Error()
		}
		done <- v
	}()

	warm, err := c.Get("beta")
	requireNoError(t, err)
	if warm != "BETA" {
		t.Fatalf("Get(beta) = %q", warm)
	}

	if v := <-done; v != "ALPHA" {
		t.Fatalf("Get(alpha) = %q", v)
	}
	if _, err := c.Get("alpha"); err != nil {
		t.Fatal(err)
	}
	if c.Hits() != 1 {
		t.Fatalf("hits = %d, want 1", c.Hits())
	}
}
