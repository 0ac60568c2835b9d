package linktest

import "testing"

func TestInput(t *testing.T) {
	l := NewLink()
	l.input <- []byte{42}
	if got := <-l.input; len(got) != 1 {
		t.Fatalf("got %v", got)
	}
}

// SendInput is a test helper: exported in name only, no client can call it.
func SendInput(l *Link, p []byte) {
	l.input <- p
}
