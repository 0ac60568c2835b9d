package main_test

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// traced is what the -json output says of one diagnostic's story.
type traced struct {
	Posn  string `json:"posn"`
	Trace []struct {
		Goroutine string `json:"goroutine"`
		Op        string `json:"op"`
		Blocks    bool   `json:"blocks"`
		Pos       struct {
			File string `json:"file"`
			Line int    `json:"line"`
		} `json:"pos"`
	} `json:"trace"`
}

// blockingAnalyzers report a goroutine that blocks for ever or panics:
// each of their diagrams marks where.
var blockingAnalyzers = map[string]bool{
	"closebyreceiver": true, "doublelock": true, "goroutineleak": true, "lockedblock": true,
	"lockleak": true, "selfdeadlock": true, "sendafterclose": true,
}

// htmlReport runs goconcheck -html -json on the sample module and
// returns the page and the -json diagnostics by analyzer.
func htmlReport(t *testing.T, args ...string) (page string, diags map[string][]traced) {
	t.Helper()
	dir := moduleDir(t, "sample")
	out := filepath.Join(t.TempDir(), "report.html")
	env := []string{"GOCONCHECK_CACHE=" + t.TempDir()}
	stdout, stderr, code := run(t, dir, env, bin, append(append([]string{"-html", out, "-json"}, args...), "./...")...)
	if code != 0 {
		t.Fatalf("goconcheck -html -json: exit %d\n%s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	diags = make(map[string][]traced)
	dec := json.NewDecoder(strings.NewReader(stdout))
	for dec.More() {
		var tree map[string]map[string][]traced
		if err := dec.Decode(&tree); err != nil {
			t.Fatalf("decoding -json output: %v", err)
		}
		for _, byAnalyzer := range tree {
			for name, ds := range byAnalyzer {
				diags[name] = append(diags[name], ds...)
			}
		}
	}
	return string(data), diags
}

var (
	sectionRE = regexp.MustCompile(`(?s)<section class="finding" id="f\d+" data-analyzer="([a-z]+)">\s*<h2>\d+\. <code>([^<]+)</code></h2>(.*?)</section>`)
	laneRE    = regexp.MustCompile(`<g class="lane" data-goroutine="([^"]*)">`)
)

// TestHTMLReport checks the page goconcheck -html writes for the sample:
// every marked finding is there, every diagram has a lane for each
// goroutine of the finding's story and marks its blocking step, and the
// page loads nothing from anywhere.
func TestHTMLReport(t *testing.T) {
	dir := moduleDir(t, "sample")
	page, diags := htmlReport(t)

	// Every analyzer attached its story to every diagnostic.
	stories := make(map[string]traced) // "file:line:col analyzer"
	for name, ds := range diags {
		for _, d := range ds {
			if len(d.Trace) == 0 {
				t.Errorf("%s: %s has no trace", d.Posn, name)
			}
			rel, _ := filepath.Rel(dir, d.Posn)
			stories[filepath.ToSlash(rel)+" "+name] = d
		}
	}

	var got []finding
	for _, m := range sectionRE.FindAllStringSubmatch(page, -1) {
		name, posn, body := m[1], html.UnescapeString(m[2]), m[3]
		got = append(got, posnFinding(t, dir, posn, name))
		d, ok := stories[posn+" "+name]
		if !ok {
			t.Errorf("%s: %s: a finding of the page not in the -json output", posn, name)
			continue
		}
		lanes := map[string]bool{}
		for _, l := range laneRE.FindAllStringSubmatch(body, -1) {
			lanes[html.UnescapeString(l[1])] = true
		}
		blocks := false
		for _, s := range d.Trace {
			if !lanes[s.Goroutine] {
				t.Errorf("%s: %s: no lane for goroutine %q (lanes %v)", posn, name, s.Goroutine, lanes)
			}
			if s.Op == "go" {
				spawned := fmt.Sprintf("goroutine at %s:%d", filepath.Base(s.Pos.File), s.Pos.Line)
				if !lanes[spawned] {
					t.Errorf("%s: %s: no lane for the %s", posn, name, spawned)
				}
			}
			blocks = blocks || s.Blocks
		}
		if blockingAnalyzers[name] && !blocks {
			t.Errorf("%s: %s: the story marks no blocking or panicking step", posn, name)
		}
		if marked := strings.Count(body, `<g class="event blocks"`); blocks && marked == 0 {
			t.Errorf("%s: %s: the diagram does not mark the blocking step", posn, name)
		}
		if n := strings.Count(body, `<g class="event`); n != len(d.Trace) {
			t.Errorf("%s: %s: %d events drawn, the trace has %d steps", posn, name, n, len(d.Trace))
		}
	}
	assertFindings(t, "goconcheck -html", got, markedFindings(t, dir))

	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "@import", " src=", "://"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	for _, m := range regexp.MustCompile(`(?:href="|url\()([^")]*)`).FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[1], "#") {
			t.Errorf("the page refers to %s", m[1])
		}
	}
}

// chromium runs headless Chromium with the flags a closed network needs.
func chromium(t *testing.T, args ...string) string {
	t.Helper()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--hide-scrollbars", "--user-data-dir=" + t.TempDir()}
	cmd := exec.Command("chromium", append(base, args...)...)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %s: %v", strings.Join(args, " "), err)
	}
	return string(out)
}

// probe is injected into a copy of the report: it records script errors
// and, once the page is laid out, the size of every diagram, into the
// DOM that --dump-dom prints.
const (
	probeHead = `<script>window.__errors=[];window.onerror=function(m){window.__errors.push(String(m))};</script>`
	probeTail = `<script>(function(){var s=[].map.call(document.querySelectorAll("svg.story"),function(e){var r=e.getBoundingClientRect();return [r.width,r.height]});var p=document.createElement("pre");p.id="probe";p.textContent=JSON.stringify({errors:window.__errors,svgs:s});document.body.appendChild(p)})();</script>`
)

var probeRE = regexp.MustCompile(`<pre id="probe">([^<]*)</pre>`)

// TestHTMLInBrowser loads the report in headless Chromium: no script
// errors, every diagram laid out with a non-zero size, and a screenshot.
// scripts/test.sh installs Chromium and sets GOCONCHECK_E2E; with
// GOCONCHECK_SCREENSHOT=FILE the screenshot of the goroutineleak finding
// is written there (the README's docs/report.png).
func TestHTMLInBrowser(t *testing.T) {
	if _, err := exec.LookPath("chromium"); err != nil {
		if os.Getenv("GOCONCHECK_E2E") != "" {
			t.Fatal("GOCONCHECK_E2E is set but chromium is not installed: scripts/test.sh installs it")
		}
		t.Skip("chromium not installed; scripts/test.sh installs it and sets GOCONCHECK_E2E")
	}
	page, _ := htmlReport(t)
	tmp := t.TempDir()
	probed := strings.Replace(page, "<head>", "<head>"+probeHead, 1)
	probed = strings.Replace(probed, "</body>", probeTail+"</body>", 1)
	probeFile := filepath.Join(tmp, "probe.html")
	if err := os.WriteFile(probeFile, []byte(probed), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := chromium(t, "--virtual-time-budget=5000", "--dump-dom", "file://"+probeFile)
	m := probeRE.FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("the probe did not run; the DOM:\n%.2000s", dom)
	}
	var res struct {
		Errors []string     `json:"errors"`
		SVGs   [][2]float64 `json:"svgs"`
	}
	if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &res); err != nil {
		t.Fatalf("probe output %q: %v", m[1], err)
	}
	if len(res.Errors) > 0 {
		t.Errorf("script errors: %v", res.Errors)
	}
	if want := strings.Count(page, `<svg class="story"`); len(res.SVGs) != want || want == 0 {
		t.Errorf("%d diagrams laid out, the page has %d", len(res.SVGs), want)
	}
	for i, s := range res.SVGs {
		if s[0] <= 0 || s[1] <= 0 {
			t.Errorf("diagram %d is %vx%v", i+1, s[0], s[1])
		}
	}

	// The screenshot of one finding, as the README shows it.
	one, _ := htmlReport(t, "-goroutineleak")
	oneFile := filepath.Join(tmp, "one.html")
	if err := os.WriteFile(oneFile, []byte(one), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := os.Getenv("GOCONCHECK_SCREENSHOT")
	if shot == "" {
		shot = filepath.Join(tmp, "report.png")
	}
	chromium(t, "--screenshot="+shot, "--window-size=1000,1150", "file://"+oneFile)
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 1000 || string(data[1:4]) != "PNG" {
		t.Errorf("the screenshot %s is not a PNG (%d bytes)", shot, len(data))
	}
}

// TestScreenshotInReadme keeps the README's picture of the report.
func TestScreenshotInReadme(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "](docs/report.png)") {
		t.Errorf("README.md does not show docs/report.png")
	}
	if fi, err := os.Stat(filepath.Join(root, "docs", "report.png")); err != nil || fi.Size() == 0 {
		t.Errorf("docs/report.png: %v", err)
	}
}

// TestHTMLFormat checks -format=html: the same page on stdout as -html
// writes to its file, and the exit status of findings.
func TestHTMLFormat(t *testing.T) {
	dir := moduleDir(t, "sample")
	page, _ := htmlReport(t)
	env := []string{"GOCONCHECK_CACHE=" + t.TempDir()}
	stdout, stderr, code := run(t, dir, env, bin, "-format=html", "./...")
	if code != 3 {
		t.Fatalf("goconcheck -format=html: exit %d, want 3 (findings)\n%s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "<!DOCTYPE html>") {
		t.Errorf("goconcheck -format=html: stdout does not start as an HTML page: %.80q", stdout)
	}
	if got, want := sectionRE.FindAllString(stdout, -1), sectionRE.FindAllString(page, -1); len(got) != len(want) || len(got) == 0 {
		t.Errorf("goconcheck -format=html: %d findings on the page, -html wrote %d", len(got), len(want))
	}
}
