package driver

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestProgress shows the progress line as a terminal gets it, and
// checks it is erased at the end; newProgress on something that is not
// a terminal shows nothing at all.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf}
	units := []*unit{{pkg: &packages.Package{PkgPath: "example.com/a"}}, {pkg: &packages.Package{PkgPath: "example.com/b"}}}
	p.start(units)
	p.done(units[0])
	p.done(units[1])
	p.clear()
	out := buf.String()
	if !strings.Contains(out, "1/2 packages, example.com/a") || !strings.Contains(out, "2/2 packages, example.com/b") ||
		!strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("progress output %q", out)
	}
	if newProgress(&buf) != nil {
		t.Errorf("progress shown on a buffer")
	}
	var none *progress // what a run that is not on a terminal gets
	none.start(units)
	none.done(units[0])
	none.clear()
}

func TestBaselineMessage(t *testing.T) {
	for in, want := range map[string]string{
		"time.Sleep used to wait for a goroutine started at line 11; use": "time.Sleep used to wait for a goroutine started at line N; use",
		"the goroutine at worker.go:12:3 blocks":                          "the goroutine at worker.go:N blocks",
		"write to r.hits without holding r.mu, in 3 of 4 functions":       "write to r.hits without holding r.mu, in 3 of 4 functions",
	} {
		if got := lineNumbers.ReplaceAllString(in, "${1}N"); got != want {
			t.Errorf("%q -> %q, want %q", in, got, want)
		}
	}
}
