package b2_session_route_after_unlock

import "testing"

func TestRouteUnknown(t *testing.T) {
	m := NewManager()
	if err := m.Route("nope", []byte("x")); err != ErrNoSession {
		t.Fatalf("got %v, want ErrNoSession", err)
	}
}

func TestRouteOpen(t *testing.T) {
	m := NewManager()
	m.Open("a")
	defer m.Close("a")
	if err := m.Route("a", []byte("hi")); err != nil {
		t.Fatal(err)
	}
}
