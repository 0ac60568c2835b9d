package failpath

import "testing"

// The hook runs, and nothing receives what it sends: reported.
func TestChange(t *testing.T) {
	changed := make(chan string)
	w, err := New(Config{Path: "app.conf", OnChange: func(p string) {
		changed <- p // want `send on unbuffered channel changed blocks forever: nothing receives from it`
	}})
	if err != nil {
		t.Fatal(err)
	}
	w.Wait()
}

// New must fail here, so the hook copied from the test above never
// runs: not reported.
func TestNoPath(t *testing.T) {
	changed := make(chan string)
	_, err := New(Config{OnChange: func(p string) {
		changed <- p
	}})
	if err == nil {
		t.Fatal("want an error without a path")
	}
}

// The error is only logged: the test passes on success too, and the
// hook may run. Reported.
func TestLoggedError(t *testing.T) {
	changed := make(chan string)
	_, err := New(Config{Path: "x", OnChange: func(p string) {
		changed <- p // want `send on unbuffered channel changed blocks forever: nothing receives from it`
	}})
	if err == nil {
		t.Log("no error")
	}
}
