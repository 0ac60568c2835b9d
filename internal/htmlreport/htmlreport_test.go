package htmlreport

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/goconcheck/goconcheck/internal/finding"
)

const src = `package lookup

// Query asks backend for key. See https://example.com/doc.
func Query(key string, backend func(string) string) string {
	ch := make(chan string)
	go func() {
		ch <- backend(key)
	}()
	if key == "" {
		return "<none>"
	}
	return <-ch
}
`

func pos(line, col int) finding.Position {
	return finding.Position{File: "/m/lookup/lookup.go", Line: line, Col: col}
}

func files(name string) ([]byte, error) {
	if name == "/m/lookup/lookup.go" {
		return []byte(src), nil
	}
	return nil, os.ErrNotExist
}

var leak = finding.Finding{
	Package:  "example.com/m/lookup",
	Analyzer: "goroutineleak",
	Pos:      pos(5, 8),
	Message:  "goroutine leak: the send on ch blocks forever once the receiver returns <early>",
	Trace: []finding.Step{
		{Pos: pos(5, 8), Message: "goroutine leak", Goroutine: "Query", Op: finding.OpOther},
		{Pos: pos(6, 2), Message: "goroutine started here", Goroutine: "Query", Op: finding.OpGo},
		{Pos: pos(7, 3), Message: "the goroutine sends here", Goroutine: finding.SpawnedLabel("/m/lookup/lookup.go", 6), Op: finding.OpSend, Blocks: true},
		{Pos: pos(10, 3), Message: "returns here without receiving", Goroutine: "Query", Op: finding.OpReturn},
	},
}

// plain has no trace: its position and related places are drawn in a
// lane of a goroutine not known.
var plain = finding.Finding{
	Package:  "example.com/m/other",
	Analyzer: "condwait",
	Pos:      finding.Position{File: "/m/other/gone.go", Line: 3, Col: 1},
	Message:  "a file the report cannot read",
	Related:  []finding.Step{{Pos: finding.Position{File: "/m/other/gone.go", Line: 9, Col: 2}, Message: "related"}},
}

func render(t *testing.T, fs ...finding.Finding) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, fs, files); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// section returns the HTML of finding n.
func section(t *testing.T, page string, n int) string {
	t.Helper()
	start := strings.Index(page, fmt.Sprintf(`<section class="finding" id="f%d"`, n))
	if start < 0 {
		t.Fatalf("no section for finding %d", n)
	}
	end := strings.Index(page[start:], "</section>")
	return page[start : start+end]
}

func TestWrite(t *testing.T) {
	page := render(t, plain, leak)

	// Sorted by file: lookup/lookup.go before other/gone.go.
	f1, f2 := section(t, page, 1), section(t, page, 2)
	if !strings.Contains(f1, `data-analyzer="goroutineleak"`) || !strings.Contains(f2, `data-analyzer="condwait"`) {
		t.Errorf("findings not in position order")
	}
	for _, want := range []string{
		`<table class="by-analyzer">`, `<td>goroutineleak</td><td class="n">1</td>`,
		`<td>example.com/m/lookup</td><td class="n">1</td>`,
		"lookup/lookup.go:5:8",          // paths relative to /m
		"returns &lt;early&gt;",         // escaped
		`return &#34;&lt;none&gt;&#34;`, // the code, escaped
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}

	// One lane per goroutine, the blocked send marked, the go arrow,
	// and the blocked send waiting for the return.
	lanes := regexp.MustCompile(`<g class="lane" data-goroutine="([^"]*)"`).FindAllStringSubmatch(f1, -1)
	if len(lanes) != 2 || lanes[0][1] != "Query" || lanes[1][1] != "goroutine at lookup.go:6" {
		t.Errorf("lanes %v, want Query and the goroutine at lookup.go:6", lanes)
	}
	if !strings.Contains(f1, `<g class="event blocks" data-step="3" data-op="send" data-goroutine="goroutine at lookup.go:6">`) {
		t.Errorf("the blocked send is not marked:\n%s", f1)
	}
	if !strings.Contains(f1, `<g class="waits-for" data-from="3" data-to="4">`) {
		t.Errorf("no waits-for arrow from the blocked send to the return")
	}
	if strings.Count(f1, `class="starts"`) != 1 {
		t.Errorf("want one go arrow")
	}
	// Code excerpts: the send's line highlighted as blocking, with the
	// event's anchor; the step's code under its event.
	if !strings.Contains(f1, `<span class="line hit blocks" id="f1-L7-lookup_go"><span id="f1-s3"></span>`) {
		t.Errorf("the blocking line is not highlighted with its anchor")
	}
	if !strings.Contains(f1, ">ch &lt;- backend(ke…</text>") {
		t.Errorf("the send's code is not under its event")
	}

	// The finding without a trace still has a diagram, in one lane.
	if !strings.Contains(f2, `<g class="lane" data-goroutine="goroutine not known">`) || !strings.Contains(f2, "(source not available)") {
		t.Errorf("finding without trace or source:\n%s", f2)
	}

	checkSelfContained(t, page)
}

// checkSelfContained fails if the page loads anything or links to an
// anchor it does not have.
func checkSelfContained(t *testing.T, page string) {
	t.Helper()
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", " src="} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, m := range regexp.MustCompile(`url\(([^)]*)\)`).FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[1], "#") {
			t.Errorf("page refers to url(%s)", m[1])
		}
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		if ids[m[1]] {
			t.Errorf("duplicate id %q", m[1])
		}
		ids[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[1], "#") {
			t.Errorf("link out of the page: %s", m[1])
		} else if !ids[m[1][1:]] {
			t.Errorf("link to a missing anchor %s", m[1])
		}
	}
}

func TestDeterministic(t *testing.T) {
	if a, b := render(t, plain, leak), render(t, leak, plain); a != b {
		t.Errorf("the order of the findings given changes the page")
	}
}

func TestNoFindings(t *testing.T) {
	page := render(t)
	if !strings.Contains(page, "No findings.") || strings.Contains(page, "<svg") {
		t.Errorf("empty report:\n%s", page)
	}
}

func TestCallStart(t *testing.T) {
	line := "\tr.mu.Lock()"
	if got := callStart(line, strings.Index(line, "(")); line[got:] != "r.mu.Lock()" {
		t.Errorf("callStart = %q", line[got:])
	}
	if got := callStart(line, 1); got != 1 {
		t.Errorf("callStart moved a position not at '('")
	}
}
