package hub

import "testing"

type harness struct {
	t      *testing.T
	hub    *Hub
	events chan string
}

func newHarness(t *testing.T) *harness {
	h := &harness{t: t, events: make(chan string, 16)}
	h.hub = New(func(e string) { h.events <- e })
	return h
}

// check aborts the test when err is non-nil.
func (h *harness) check(err error, what string) {
	h.t.Helper()
	if err != nil {
		h.t.Logf("%s failed: %v", what, err)
		h.t.FailNow()
	}
}

func (h *harness) drain() []string {
	var out []string
	for e := range h.events {
		out = append(out, e)
	}
	return out
}

func TestHubLifecycle(t *testing.T) {
	h := newHarness(t)
	h.check(h.hub.Join("alice"), "join alice")
	h.check(h.hub.Join("bob"), "join bob")

	if err := h.hub.Stop(true); err != nil {
		close(h.events)
		h.check(err, "stop")
	}
	h.events <- "stopped"
	close(h.events)

	got := h.drain()
	want := []string{"join alice", "join bob", "stopped"}
	if len(got) != len(want) {
		t.Fatalf("events = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d = %q, want %q", i, got[i], want[i])
		}
	}
}
