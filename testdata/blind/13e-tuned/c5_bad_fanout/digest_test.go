package fanout

import (
	"testing"
	"time"
)

func TestDigestParallelMatchesSerial(t *testing.T) {
	docs := [][]string{
		{"alpha", "beta"},
		{"gamma"},
		{" delta ", "epsilon", "zeta"},
		{"eta", "theta"},
	}
	got := make([]string, len(docs))
	for i, d := range docs {
		go func() {
			got[i] = Digest(d...)
		}()
	}

	time.Sleep(20 * time.Millisecond)

	for i, d := range docs {
		if want := Digest(d...); got[i] != want {
			t.Errorf("doc %d: got %q want %q", i, got[i], want)
		}
	}
}
