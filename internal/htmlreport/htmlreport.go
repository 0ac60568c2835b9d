// Package htmlreport renders goconcheck's findings as one self-contained
// HTML page: a summary by analyzer and by package, then every finding
// with its message, the code around each place involved and a diagram
// of its story, one lane per goroutine, drawn as inline SVG.
//
// A concurrency finding has several actors; a picture shows at a glance
// who started whom, who waits where and who left. The diagrams are
// drawn from the steps analyzers attach to a finding (finding.Trace),
// never from its wording. The page loads nothing: no script, font or
// style sheet from anywhere, so it reads offline and as a CI artifact.
// The output depends only on the findings and the files, so two runs
// print the same bytes.
package htmlreport

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/goconcheck/goconcheck/internal/finding"
)

// contextLines is how many lines an excerpt shows around a place.
const contextLines = 2

// Write writes the report of findings to w. readFile reads the source
// files for the excerpts; a file it cannot read is shown without code.
func Write(w io.Writer, findings []finding.Finding, readFile func(string) ([]byte, error)) error {
	fs := make([]finding.Finding, len(findings))
	copy(fs, findings)
	sort.SliceStable(fs, func(i, j int) bool { return finding.Less(&fs[i], &fs[j]) })

	r := &renderer{files: make(map[string][]string), readFile: readFile, root: commonDir(fs)}
	bw := bufio.NewWriter(w)
	r.w = bw
	r.page(fs)
	return bw.Flush()
}

type renderer struct {
	w        *bufio.Writer
	readFile func(string) ([]byte, error)
	files    map[string][]string // file -> lines, nil if unreadable
	root     string              // the directory paths are shown relative to
}

func (r *renderer) printf(format string, args ...any) { fmt.Fprintf(r.w, format, args...) }

var esc = html.EscapeString

// rel shows a file relative to the report's common directory.
func (r *renderer) rel(file string) string {
	if r.root != "" {
		if p, err := filepath.Rel(r.root, file); err == nil && !strings.HasPrefix(p, "..") {
			return filepath.ToSlash(p)
		}
	}
	return filepath.ToSlash(file)
}

// commonDir is the longest directory containing every file of fs.
func commonDir(fs []finding.Finding) string {
	var dir string
	first := true
	for _, f := range fs {
		for _, s := range steps(f) {
			if s.Pos.File == "" {
				continue
			}
			d := filepath.Dir(s.Pos.File)
			if first {
				dir, first = d, false
				continue
			}
			for dir != d && !strings.HasPrefix(d, dir+string(filepath.Separator)) {
				parent := filepath.Dir(dir)
				if parent == dir {
					return ""
				}
				dir = parent
			}
		}
	}
	return dir
}

// steps is f's story: its trace, or else its position and related
// places, in goroutines the analyzer did not name.
func steps(f finding.Finding) []finding.Step {
	if len(f.Trace) > 0 {
		return f.Trace
	}
	out := []finding.Step{{Pos: f.Pos, End: f.End, Message: f.Message}}
	return append(out, f.Related...)
}

func (r *renderer) lines(file string) []string {
	if ls, ok := r.files[file]; ok {
		return ls
	}
	var ls []string
	if data, err := r.readFile(file); err == nil {
		ls = strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	}
	r.files[file] = ls
	return ls
}

const style = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
main{max-width:1200px;margin:0 auto;padding:16px 24px 48px}
h1{font-size:22px;margin:8px 0 4px}
h2{font-size:17px;margin:0 0 6px}
h3{font-size:14px;margin:14px 0 6px}
table{border-collapse:collapse;margin:4px 24px 8px 0;background:#fff}
td,th{border:1px solid #d0d7de;padding:3px 10px;text-align:left}
td.n{text-align:right}
.tables{display:flex;flex-wrap:wrap;align-items:flex-start}
.finding{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:22px 0;padding:14px 18px}
.meta{color:#57606a;margin-bottom:8px}
.tag{display:inline-block;background:#ddf4ff;color:#0550ae;border-radius:10px;padding:0 8px;margin-right:6px;font-size:12px}
.msg{font-size:15px;margin:4px 0 10px}
code,pre{font:12.5px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
.excerpt{border:1px solid #d0d7de;border-radius:4px;margin:6px 0 10px;overflow-x:auto;background:#fbfcfd}
.excerpt .file{background:#eaeef2;padding:2px 8px;font-size:12px;color:#57606a}
.excerpt pre{margin:0;padding:4px 0}
.ln{display:inline-block;width:4em;text-align:right;color:#8c959f;padding-right:10px;user-select:none}
.line{display:block;padding-right:8px}
.hit{background:#fff8c5}
.hit.blocks{background:#ffebe9}
mark{background:#ffd33d;color:inherit;border-radius:2px}
.blocks mark{background:#ff8182}
.badge{display:inline-block;min-width:16px;text-align:center;border-radius:8px;background:#0969da;color:#fff;font-size:11px;margin-left:6px;padding:0 4px}
.badge.blocks{background:#cf222e}
ol.steps{margin:4px 0 8px;padding-left:22px}
ol.steps li{margin:2px 0}
.op{font-weight:600}
.lane{color:#57606a}
svg{display:block;margin:6px 0 4px;max-width:100%;height:auto}
svg a text{cursor:pointer}
.empty{color:#1a7f37;font-size:16px}
.legend{color:#57606a;font-size:13px;margin:14px 0}
.dot{display:inline-block;width:11px;height:11px;border-radius:50%;vertical-align:middle}
.dot.ring{background:#cf222e;box-shadow:0 0 0 2px #fff,0 0 0 4px #cf222e}
.dash{display:inline-block;width:26px;border-top:2px dashed #cf222e;vertical-align:middle}
.band{display:inline-block;width:26px;height:9px;border-radius:4px;background:#fb8f44;opacity:.45;vertical-align:middle}
`

func (r *renderer) page(fs []finding.Finding) {
	r.printf("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	r.printf("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	r.printf("<title>goconcheck report</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", style)
	r.printf("<h1>goconcheck report</h1>\n")
	if len(fs) == 0 {
		r.printf("<p class=\"empty\">No findings.</p>\n</main>\n</body>\n</html>\n")
		return
	}
	plural := "s"
	if len(fs) == 1 {
		plural = ""
	}
	r.printf("<p>%d finding%s", len(fs), plural)
	if r.root != "" {
		r.printf(" under <code>%s</code>", esc(filepath.ToSlash(r.root)))
	}
	r.printf(".</p>\n")
	r.summary(fs)
	r.printf("%s", legend)
	for i, f := range fs {
		r.finding(i+1, f)
	}
	r.printf("</main>\n</body>\n</html>\n")
}

// legend explains the diagrams' marks once, above them.
const legend = `<p class="legend"><strong>Reading the diagrams:</strong> a lane per goroutine, time running right in program order;
<span class="dot" style="background:#1a7f37"></span> starts a goroutine (green arrow to its lane),
<span class="dot" style="background:#0969da"></span> an operation,
<span class="dot" style="background:#57606a"></span> a return,
<span class="dot ring"></span> where a goroutine blocks for ever or panics (a dashed red line: stuck from then on),
<span class="dash"></span> what it waits for,
<span class="band"></span> a lock held.
Each event links to its line in the code below.</p>
`

func (r *renderer) summary(fs []finding.Finding) {
	count := func(key func(finding.Finding) string) ([]string, map[string]int) {
		n := make(map[string]int)
		for _, f := range fs {
			n[key(f)]++
		}
		keys := make([]string, 0, len(n))
		for k := range n {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if n[keys[i]] != n[keys[j]] {
				return n[keys[i]] > n[keys[j]]
			}
			return keys[i] < keys[j]
		})
		return keys, n
	}
	r.printf("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"tables\">\n")
	for _, t := range []struct {
		title string
		key   func(finding.Finding) string
	}{
		{"analyzer", func(f finding.Finding) string { return f.Analyzer }},
		{"package", func(f finding.Finding) string { return f.Package }},
	} {
		keys, n := count(t.key)
		r.printf("<table class=\"by-%s\">\n<tr><th>%s</th><th>findings</th></tr>\n", t.title, t.title)
		for _, k := range keys {
			r.printf("<tr><td>%s</td><td class=\"n\">%d</td></tr>\n", esc(k), n[k])
		}
		r.printf("</table>\n")
	}
	r.printf("</div>\n<table class=\"index\">\n<tr><th>#</th><th>place</th><th>analyzer</th><th>message</th></tr>\n")
	for i, f := range fs {
		r.printf("<tr><td class=\"n\"><a href=\"#f%d\">%d</a></td><td><code>%s:%d</code></td><td>%s</td><td>%s</td></tr>\n",
			i+1, i+1, esc(r.rel(f.Pos.File)), f.Pos.Line, esc(f.Analyzer), esc(f.Message))
	}
	r.printf("</table>\n</section>\n")
}

func (r *renderer) finding(n int, f finding.Finding) {
	ss := steps(f)
	r.printf("<section class=\"finding\" id=\"f%d\" data-analyzer=\"%s\">\n", n, esc(f.Analyzer))
	r.printf("<h2>%d. <code>%s:%d:%d</code></h2>\n", n, esc(r.rel(f.Pos.File)), f.Pos.Line, f.Pos.Col)
	r.printf("<div class=\"meta\"><span class=\"tag\">%s</span>", esc(f.Analyzer))
	if f.Category != "" {
		r.printf("<span class=\"tag\">rule: %s</span>", esc(f.Category))
	}
	r.printf("<span class=\"tag\">package %s</span>", esc(f.Package))
	if f.URL != "" && !strings.Contains(f.URL, "://") {
		r.printf("<span class=\"tag\">%s</span>", esc(f.URL))
	}
	r.printf("</div>\n<p class=\"msg\">%s</p>\n", esc(f.Message))
	r.diagram(n, ss)
	r.stepList(n, ss)
	r.excerpts(n, ss)
	r.printf("</section>\n")
}

// stepList names every step in words, numbered as in the diagram.
func (r *renderer) stepList(n int, ss []finding.Step) {
	r.printf("<ol class=\"steps\">\n")
	for j, s := range ss {
		if s.Pos.File != "" {
			r.printf("<li><a href=\"#f%d-L%d-%s\"><code>%s:%d</code></a> ", n, s.Pos.Line, anchorFile(s.Pos.File), esc(r.rel(s.Pos.File)), s.Pos.Line)
		} else {
			r.printf("<li id=\"f%d-s%d\"><code>anywhere</code> ", n, j+1)
		}
		r.printf("<span class=\"lane\">[%s]</span> ", esc(laneName(s.Goroutine)))
		if s.Op != "" && s.Op != finding.OpOther {
			r.printf("<span class=\"op\">%s</span> ", esc(opLabel(s.Op)))
		}
		r.printf("%s", esc(s.Message))
		if s.Blocks {
			if s.Op == finding.OpPanic {
				r.printf(" <strong>(panics)</strong>")
			} else {
				r.printf(" <strong>(blocks forever)</strong>")
			}
		}
		r.printf("</li>\n")
	}
	r.printf("</ol>\n")
}

// An excerpt is a run of lines of one file shown once for all the
// steps within it.
type excerpt struct {
	file       string
	from, to   int   // lines, inclusive
	stepsAt    []int // step indexes, in line order
	firstIndex int   // the first step's index, to order excerpts
}

func (r *renderer) excerpts(n int, ss []finding.Step) {
	byFile := make(map[string][]int)
	var files []string
	for j, s := range ss {
		if s.Pos.File == "" || s.Pos.Line == 0 {
			continue
		}
		if byFile[s.Pos.File] == nil {
			files = append(files, s.Pos.File)
		}
		byFile[s.Pos.File] = append(byFile[s.Pos.File], j)
	}
	var exs []*excerpt
	for _, file := range files {
		idx := byFile[file]
		sort.SliceStable(idx, func(a, b int) bool { return ss[idx[a]].Pos.Line < ss[idx[b]].Pos.Line })
		var cur *excerpt
		for _, j := range idx {
			line := ss[j].Pos.Line
			if cur != nil && line-contextLines <= cur.to+1 {
				cur.to = max(cur.to, line+contextLines)
				cur.stepsAt = append(cur.stepsAt, j)
				cur.firstIndex = min(cur.firstIndex, j)
				continue
			}
			cur = &excerpt{file: file, from: max(1, line-contextLines), to: line + contextLines, stepsAt: []int{j}, firstIndex: j}
			exs = append(exs, cur)
		}
	}
	sort.SliceStable(exs, func(a, b int) bool { return exs[a].firstIndex < exs[b].firstIndex })
	for _, ex := range exs {
		r.excerpt(n, ss, ex)
	}
}

func (r *renderer) excerpt(n int, ss []finding.Step, ex *excerpt) {
	lines := r.lines(ex.file)
	r.printf("<div class=\"excerpt\"><div class=\"file\">%s</div><pre>", esc(r.rel(ex.file)))
	if lines == nil {
		done := make(map[int]bool)
		for _, j := range ex.stepsAt {
			l := ss[j].Pos.Line
			if !done[l] {
				done[l] = true
				r.printf("<span class=\"line hit\" id=\"f%d-L%d-%s\">", n, l, anchorFile(ex.file))
				for _, k := range ex.stepsAt {
					if ss[k].Pos.Line == l {
						r.printf("<span id=\"f%d-s%d\"></span>", n, k+1)
					}
				}
				r.printf("(source not available) line %d</span>", l)
			}
		}
		r.printf("</pre></div>\n")
		return
	}
	to := min(ex.to, len(lines))
	for l := ex.from; l <= to; l++ {
		var here []int
		blocks := false
		for _, j := range ex.stepsAt {
			if ss[j].Pos.Line == l {
				here = append(here, j)
				blocks = blocks || ss[j].Blocks
			}
		}
		text := strings.ReplaceAll(lines[l-1], "\t", "    ")
		if len(here) == 0 {
			r.printf("<span class=\"line\"><span class=\"ln\">%d</span>%s</span>", l, esc(text))
			continue
		}
		class := "line hit"
		if blocks {
			class += " blocks"
		}
		r.printf("<span class=\"%s\" id=\"f%d-L%d-%s\">", class, n, l, anchorFile(ex.file))
		for _, j := range here {
			r.printf("<span id=\"f%d-s%d\"></span>", n, j+1)
		}
		r.printf("<span class=\"ln\">%d</span>%s", l, markSpan(lines[l-1], ss[here[0]]))
		for _, j := range here {
			cls := "badge"
			if ss[j].Blocks {
				cls += " blocks"
			}
			r.printf(" <span class=\"%s\" title=\"%s\">%d</span>", cls, esc(ss[j].Message), j+1)
		}
		r.printf("</span>")
	}
	r.printf("</pre></div>\n")
}

// anchorFile makes a file name usable in an id.
func anchorFile(file string) string {
	base := filepath.Base(file)
	var b strings.Builder
	for _, c := range base {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// markSpan escapes a line with the step's span (its columns on that
// line, or the rest of the line) marked. Tabs become four spaces.
func markSpan(line string, s finding.Step) string {
	start := s.Pos.Col - 1
	if start >= 0 {
		start = callStart(line, start)
	}
	end := len(line)
	if s.End.Line == s.Pos.Line && s.End.Col > s.Pos.Col {
		end = s.End.Col - 1
	} else if start >= 0 && start < len(line) {
		// Without an end on the line, mark the token at the position.
		end = start
		for end < len(line) && !strings.ContainsRune(" \t,;()[]{}", rune(line[end])) {
			end++
		}
		if end == start {
			end = min(start+1, len(line))
		}
	}
	if start < 0 || start >= len(line) || end > len(line) || end <= start {
		return esc(tabs(line))
	}
	return esc(tabs(line[:start])) + "<mark>" + esc(tabs(line[start:end])) + "</mark>" + esc(tabs(line[end:]))
}

func tabs(s string) string { return strings.ReplaceAll(s, "\t", "    ") }

func laneName(g string) string {
	if g == "" {
		return "goroutine not known"
	}
	return g
}

func opLabel(op finding.Op) string {
	switch op {
	case finding.OpRecv:
		return "receive"
	case finding.OpReturn:
		return "return"
	case "":
		return ""
	}
	return string(op)
}
