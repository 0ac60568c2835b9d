package b1_shared_fixture_parallel

import (
	"errors"
	"testing"
)

// fixture is shared by every test in this file to avoid re-allocating the
// channels for each case.
var fixture = newMockReader()

func TestCountWordsStreaming(t *testing.T) {
	t.Parallel()
	go func() {
		for _, l := range []string{"alpha beta", "gamma delta epsilon", "zeta"} {
			fixture.lines <- l
		}
	}()
	n, err := CountWords(fixture)
	if err != nil {
		t.Fatalf("CountWords: %v", err)
	}
	if n == 0 {
		t.Fatalf("expected some words, got 0")
	}
}

func TestCountWordsStopsAtEOF(t *testing.T) {
	t.Parallel()
	fixture.lines <- "one two"
	close(fixture.lines) // BAD: shared fixture; TestCountWordsStreaming's goroutine may still send on fixture.lines
	n, err := CountWords(fixture)
	if err != nil {
		t.Fatalf("CountWords: %v", err)
	}
	if n < 2 {
		t.Fatalf("got %d words, want at least 2", n)
	}
}

func TestCountWordsPropagatesError(t *testing.T) {
	r := newMockReader()
	boom := errors.New("disk gone")
	go func() {
		r.lines <- "partial line"
		r.errs <- boom
	}()
	if _, err := CountWords(r); !errors.Is(err, boom) {
		t.Fatalf("got %v, want %v", err, boom)
	}
}
