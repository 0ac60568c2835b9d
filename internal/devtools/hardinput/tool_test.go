package main

import (
	"strings"
	"testing"
)

func TestCrashRE(t *testing.T) {
	for _, s := range []string{
		"panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\n",
		"goconcheck: panic: boom\n",
		"fatal error: concurrent map writes\n",
		"some output\ngoroutine 17 [chan receive]:\nmain.f()\n",
	} {
		if !crashRE.MatchString(s) {
			t.Errorf("crashRE does not match %q", s)
		}
	}
	for _, s := range []string{
		"x.go:3:9: cannot use \"not an int\" (untyped string constant) as int value in return statement\n",
		"x.go:5:2: undefined: panicky\n",
		"x.go:7:3: goroutine leak: the send on unbuffered channel c blocks forever\n",
	} {
		if crashRE.MatchString(s) {
			t.Errorf("crashRE matches %q", s)
		}
	}
}

func TestTrace(t *testing.T) {
	got := trace("x.go:1:1: something\npanic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/x.go:3\n", 3)
	if !strings.HasPrefix(got, "\tpanic: boom") || !strings.HasSuffix(got, "\t...") {
		t.Errorf("trace = %q", got)
	}
}

func TestCountJSON(t *testing.T) {
	var o outcome
	out := `{"main": {"waitgroupadd": [{"posn": "/x.go:3:4", "message": "m1"}, {"posn": "/x.go:5:4", "message": "m2"}], "condwait": {"error": "failed prerequisites: buildssa"}}}`
	if err := o.countJSON([]byte(out)); err != nil {
		t.Fatal(err)
	}
	if len(o.findings) != 2 || o.findings[0] != "/x.go:3:4: m1 (waitgroupadd)" {
		t.Errorf("findings = %q", o.findings)
	}
	if o.analyzerErr != "condwait: failed prerequisites: buildssa" {
		t.Errorf("analyzerErr = %q", o.analyzerErr)
	}
	o = outcome{}
	if err := o.countJSON(nil); err != nil || len(o.findings) != 0 {
		t.Errorf("empty output: %v, %q", err, o.findings)
	}
}

func TestLangVersion(t *testing.T) {
	for in, want := range map[string]string{"go1.26.8": "go1.26", "go1.27rc1": "go1.27", "go1.21": "go1.21", "devel": "devel"} {
		if got := langVersion(in); got != want {
			t.Errorf("langVersion(%q) = %q, want %q", in, got, want)
		}
	}
}
