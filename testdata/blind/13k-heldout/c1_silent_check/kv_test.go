package kv

import "testing"

// check reports err and returns false if it is non-nil.
func check(t testing.TB, err error) bool {
	t.Helper()
	if err != nil {
		t.Errorf("unexpected error: %v", err)
		return false
	}
	return true
}

func TestWatchSeesPut(t *testing.T) {
	s := NewStore()
	changes := make(chan Change)
	s.Watch(changes)

	res := make(chan int)
	go func() {
		v, err := s.Put("user/1", "alice", 0)
		if err != nil {
			t.Errorf("Put: %v", err)
			v = -1
		}
		res <- v
	}()

	c := <-changes
	if c.Key != "user/1" || c.Version != 1 {
		t.Errorf("change = %+v", c)
	}

	_, err := s.Put("user/1", "bob", 0)
	if err != ErrConflict {
		t.Errorf("stale Put err = %v, want ErrConflict", err)
	}

	val, err := s.Get("user/1")
	if !check(t, err) {
		return
	}
	if val != "alice" {
		t.Errorf("Get = %q, want alice", val)
	}
	if v := <-res; v != 1 {
		t.Fatalf("version = %d, want 1", v)
	}
}
