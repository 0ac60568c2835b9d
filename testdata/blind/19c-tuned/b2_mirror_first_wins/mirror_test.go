package b2_mirror_first_wins

import (
	"testing"
	"time"
)

type answer struct {
	mirror string
	sum    string
	err    error
}

func askAll(mirrors []*Mirror, mod string) chan answer {
	out := make(chan answer)
	for _, m := range mirrors {
		go func(m *Mirror) {
			sum, err := m.Checksum(mod)
			out <- answer{mirror: m.Name, sum: sum, err: err} // BAD: test returns on first matching answer; remaining senders block forever
		}(m)
	}
	return out
}

func TestFastestMirrorAgrees(t *testing.T) {
	const mod = "example.com/lib@v1.2.3"
	const want = "h1:abc123"

	mirrors := []*Mirror{
		NewMirror("eu", 5*time.Millisecond),
		NewMirror("us", 20*time.Millisecond),
		NewMirror("asia", 40*time.Millisecond),
	}
	for _, m := range mirrors {
		m.Put(mod, want)
	}

	answers := askAll(mirrors, mod)
	for range mirrors {
		a := <-answers
		if a.err != nil {
			t.Logf("mirror %s: %v", a.mirror, a.err)
			continue
		}
		if a.sum == want {
			return
		}
		t.Errorf("mirror %s returned %q, want %q", a.mirror, a.sum, want)
	}
	t.Fatal("no mirror returned the expected checksum")
}
