package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestList(t *testing.T) {
	goroot := strings.TrimSuffix(gorootSrc(), "/")
	if goroot == "" {
		t.Skip("no go command")
	}
	in := `# time
{"time [time.test]": {"sleepsync": [{"posn": "` + goroot + `/time/sleep_test.go:502:2", "message": "slept"}]}}
{"time": {"sleepsync": [{"posn": "` + goroot + `/time/sleep_test.go:502:2", "message": "slept"}]}}
{"m/p": {"a": [{"posn": "/home/u/go/pkg/mod/github.com/!burnt!sushi/toml@v1.0.0/x.go:3:1", "message": "two\n lines"}]}}
`
	var out, errw bytes.Buffer
	if code := list(strings.NewReader(in), &out, &errw); code != 0 {
		t.Fatalf("list: exit %d: %s", code, errw.String())
	}
	want := "github.com/BurntSushi/toml@v1.0.0/x.go:3:1: a: two lines\ntime/sleep_test.go:502:2: sleepsync: slept\n"
	if out.String() != want {
		t.Errorf("list printed\n%s\nwant\n%s", out.String(), want)
	}

	out.Reset()
	if code := list(strings.NewReader(`{"p": {"a": {"error": "boom"}}}`), &out, &errw); code != 1 || !strings.Contains(out.String(), "error: p: a: boom") {
		t.Errorf("an analyzer error: exit %d, output %q; want exit 1 and the error listed", code, out.String())
	}
}

func TestDiff(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
		return p
	}
	base := write("base.txt", "# comment\nf.go:1:1: a: one\n\ttrue: a real bug\nf.go:2:1: a: two\n\tfalse positive: fix a\n")
	for _, tc := range []struct {
		run  string
		code int
		out  string
	}{
		{"f.go:1:1: a: one\nf.go:2:1: a: two\n", 0, ""},
		{"f.go:1:1: a: one\n", 1, "- f.go:2:1: a: two"},
		{"f.go:1:1: a: one\nf.go:2:1: a: two\nf.go:3:1: a: three\n", 1, "+ f.go:3:1: a: three"},
	} {
		var out bytes.Buffer
		if code := diff(base, write("run.txt", tc.run), defaultVerdicts, &out); code != tc.code || !strings.Contains(out.String(), tc.out) {
			t.Errorf("diff with run %q: exit %d, output %q; want exit %d, output with %q", tc.run, code, out.String(), tc.code, tc.out)
		}
	}
	noVerdict := write("nv.txt", "f.go:1:1: a: one\n")
	var out bytes.Buffer
	if code := diff(noVerdict, write("run.txt", "f.go:1:1: a: one\n"), defaultVerdicts, &out); code != 1 || !strings.Contains(out.String(), "no verdict") {
		t.Errorf("a finding without a verdict: exit %d, output %q", code, out.String())
	}

	// A baseline judged on its own terms accepts its kinds and only those.
	goker := write("goker.txt", "f.go:1:1: a: one\n\tat-bug: the documented deadlock\nf.go:2:1: a: two\n\ttrue: another bug\n")
	out.Reset()
	code := diff(goker, write("run.txt", "f.go:1:1: a: one\nf.go:2:1: a: two\n"), []string{"at-bug", "other-true"}, &out)
	if code != 1 || !strings.Contains(out.String(), "goker.txt:3: no verdict") || strings.Contains(out.String(), "goker.txt:1:") {
		t.Errorf("verdict kinds at-bug, other-true: exit %d, output %q; want only the finding of line 3 (verdict \"true\") refused", code, out.String())
	}
	debatable := write("deb.txt", "f.go:1:1: a: one\n\tdebatable: needs Return after Release\n")
	out.Reset()
	if code := diff(debatable, write("run.txt", "f.go:1:1: a: one\n"), defaultVerdicts, &out); code != 0 {
		t.Errorf("a debatable verdict: exit %d, output %q; want exit 0", code, out.String())
	}
	unknown := write("unk.txt", "f.go:1:1: a: one\n\tmaybe: who knows\n")
	out.Reset()
	if code := diff(unknown, write("run.txt", "f.go:1:1: a: one\n"), defaultVerdicts, &out); code != 1 || !strings.Contains(out.String(), "no verdict") {
		t.Errorf("an unknown verdict word: exit %d, output %q; want exit 1 and no verdict", code, out.String())
	}
}
