package htmlreport

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/goconcheck/goconcheck/internal/finding"
)

// Diagram geometry, in SVG user units (pixels at scale 1).
const (
	labelWidth  = 230
	columnWidth = 118
	laneHeight  = 84
	axisHeight  = 30
	radius      = 13
)

// A diagram places the steps of one finding: a lane (row) per
// goroutine in order of first appearance, a column per step in the
// order the analyzer told them, which is program order within each
// goroutine.
type diagram struct {
	steps []finding.Step
	lanes []string
	lane  []int // step -> lane
}

func newDiagram(ss []finding.Step) *diagram {
	d := &diagram{steps: ss, lane: make([]int, len(ss))}
	index := make(map[string]int)
	for j, s := range ss {
		name := laneName(s.Goroutine)
		k, ok := index[name]
		if !ok {
			k = len(d.lanes)
			index[name] = k
			d.lanes = append(d.lanes, name)
		}
		d.lane[j] = k
	}
	// A goroutine a go step starts has a lane even when no step of the
	// story runs in it.
	for j, s := range ss {
		if s.Op != finding.OpGo || s.Pos.File == "" {
			continue
		}
		name := finding.SpawnedLabel(s.Pos.File, s.Pos.Line)
		if _, ok := index[name]; !ok && name != d.lanes[d.lane[j]] {
			index[name] = len(d.lanes)
			d.lanes = append(d.lanes, name)
		}
	}
	return d
}

func (d *diagram) x(j int) int { return labelWidth + columnWidth/2 + j*columnWidth }
func (d *diagram) y(k int) int { return axisHeight + k*laneHeight + laneHeight/2 - 6 }
func (d *diagram) width() int  { return labelWidth + len(d.steps)*columnWidth + 24 }
func (d *diagram) height() int { return axisHeight + len(d.lanes)*laneHeight + 6 }

// spawned returns the lane the go step j starts, or -1: the lane named
// as finding.Spawned names the goroutine of a go statement at its place.
func (d *diagram) spawned(j int) int {
	s := d.steps[j]
	if s.Op != finding.OpGo {
		return -1
	}
	want := finding.SpawnedLabel(s.Pos.File, s.Pos.Line)
	for k, name := range d.lanes {
		if name == want && k != d.lane[j] {
			return k
		}
	}
	return -1
}

// waitTargets lists, for a blocking operation, what it waits for, in
// order of preference: operations of other goroutines that would let
// it proceed (or that left it stuck: a return holding the lock), then
// its own goroutine's (a lock it already holds, its own Done).
var waitTargets = map[finding.Op]struct{ other, own []finding.Op }{
	finding.OpSend:   {other: []finding.Op{finding.OpRecv, finding.OpSelect}},
	finding.OpRecv:   {other: []finding.Op{finding.OpSend, finding.OpClose, finding.OpSelect}},
	finding.OpSelect: {other: []finding.Op{finding.OpSend, finding.OpRecv, finding.OpClose}},
	finding.OpWait:   {other: []finding.Op{finding.OpDone, finding.OpSignal}, own: []finding.Op{finding.OpDone, finding.OpAdd}},
	finding.OpLock:   {other: []finding.Op{finding.OpUnlock, finding.OpReturn, finding.OpLock}, own: []finding.Op{finding.OpLock}},
	finding.OpPanic:  {other: []finding.Op{finding.OpClose}, own: []finding.Op{finding.OpClose, finding.OpUnlock}},
}

// waitsFor returns the step a blocking (or panicking) step j waits for
// (or follows), or -1: see waitTargets; a blocked step with none waits
// for the last step of another goroutine, the partner that went away.
func (d *diagram) waitsFor(j int) int {
	s := d.steps[j]
	if !s.Blocks {
		return -1
	}
	t := waitTargets[s.Op]
	for _, op := range t.other {
		for i := len(d.steps) - 1; i >= 0; i-- {
			if d.lane[i] != d.lane[j] && d.steps[i].Op == op {
				return i
			}
		}
	}
	for _, op := range t.own {
		for i := range d.steps {
			if i != j && d.lane[i] == d.lane[j] && d.steps[i].Op == op {
				return i
			}
		}
	}
	if s.Op == finding.OpPanic {
		return -1
	}
	for i := len(d.steps) - 1; i >= 0; i-- {
		if d.lane[i] != d.lane[j] && d.steps[i].Op != finding.OpGo {
			return i
		}
	}
	return -1
}

func color(s finding.Step) string {
	switch {
	case s.Blocks || s.Op == finding.OpPanic:
		return "#cf222e"
	case s.Op == finding.OpGo:
		return "#1a7f37"
	case s.Op == finding.OpReturn:
		return "#57606a"
	}
	return "#0969da"
}

func (r *renderer) diagram(n int, ss []finding.Step) {
	d := newDiagram(ss)
	w, h := d.width(), d.height()
	id := fmt.Sprintf("f%d", n)
	r.printf("<svg class=\"story\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"diagram of finding %d\" data-lanes=\"%d\">\n",
		w, h, w, h, n, len(d.lanes))
	r.printf("<defs><marker id=\"%s-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#1a7f37\"/></marker>", id)
	r.printf("<marker id=\"%s-wait\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#cf222e\"/></marker></defs>\n", id)
	r.printf("<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", w, h)
	// The time axis.
	r.printf("<line x1=\"%d\" y1=\"16\" x2=\"%d\" y2=\"16\" stroke=\"#8c959f\" marker-end=\"url(#%s-arrow)\"/>", labelWidth, w-10, id)
	r.printf("<text x=\"10\" y=\"20\" font-size=\"12\" fill=\"#57606a\" font-family=\"sans-serif\">program order &#8594;</text>\n")

	// Where each lane's life starts and ends on the time axis.
	from := make([]int, len(d.lanes))
	to := make([]int, len(d.lanes))
	for k := range d.lanes {
		from[k], to[k] = -1, -1
	}
	for j := range ss {
		k := d.lane[j]
		if from[k] < 0 {
			from[k] = d.x(j)
		}
		to[k] = d.x(j)
		if m := d.spawned(j); m >= 0 && (from[m] < 0 || from[m] > d.x(j)) {
			from[m] = d.x(j)
		}
	}
	for k, name := range d.lanes {
		y := d.y(k)
		fill := "#f6f8fa"
		if k%2 == 1 {
			fill = "#eef1f4"
		}
		r.printf("<g class=\"lane\" data-goroutine=\"%s\">", esc(name))
		r.printf("<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", axisHeight+k*laneHeight, w, laneHeight, fill)
		label := name
		if len(label) > 32 {
			label = label[:31] + "…"
		}
		r.printf("<text x=\"10\" y=\"%d\" font-size=\"13\" font-weight=\"600\" fill=\"#1f2328\" font-family=\"sans-serif\"><title>%s</title>%s</text>", y+4, esc(name), esc(label))
		if from[k] >= 0 && to[k] < from[k] {
			// Started, with nothing of the story in it: it runs on,
			// for all the story knows.
			r.printf("<line class=\"runs-on\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#8c959f\" stroke-width=\"3\" stroke-dasharray=\"2 6\"/>", from[k], y, w-70, y)
			r.printf("<text x=\"%d\" y=\"%d\" font-size=\"11\" font-style=\"italic\" fill=\"#57606a\" font-family=\"sans-serif\">runs on</text>", w-64, y+4)
			to[k] = from[k]
		}
		if from[k] >= 0 {
			r.printf("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#8c959f\" stroke-width=\"3\"/>", from[k], y, to[k], y)
		}
		r.printf("</g>\n")
	}

	// Locks held: a band along the lane from each Lock to the Unlock
	// after it, else to the lane's last step, or past the right edge
	// when the goroutine returns without unlocking.
	for j, st := range ss {
		if st.Op != finding.OpLock || (st.Blocks && j > 0) {
			continue
		}
		k := d.lane[j]
		end, last := -1, -1
		for i := j + 1; i < len(ss); i++ {
			if d.lane[i] != k {
				continue
			}
			last = i
			if ss[i].Op == finding.OpUnlock && end < 0 {
				end = i
			}
		}
		x2 := d.x(j)
		switch {
		case end >= 0:
			x2 = d.x(end)
		case last >= 0 && ss[last].Op == finding.OpReturn:
			x2 = w - 6
		case last >= 0:
			x2 = d.x(last)
		}
		if x2 > d.x(j) {
			r.printf("<rect class=\"held\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"10\" rx=\"4\" fill=\"#fb8f44\" fill-opacity=\"0.45\"><title>lock held</title></rect>\n", d.x(j), d.y(k)-5, x2-d.x(j))
		}
	}
	// Goroutine starts: from the go step down (or up) to the new lane.
	for j := range ss {
		if m := d.spawned(j); m >= 0 {
			y1, y2 := d.y(d.lane[j]), d.y(m)
			dir := 1
			if y2 < y1 {
				dir = -1
			}
			r.printf("<line class=\"starts\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1a7f37\" stroke-width=\"2\" marker-end=\"url(#%s-arrow)\"/>\n",
				d.x(j), y1+dir*radius, d.x(j), y2-dir*(radius/2), id)
		}
	}
	// Blocked for ever: the lane stays stuck to the right edge.
	for j, s := range ss {
		if s.Blocks && s.Op != finding.OpPanic {
			y := d.y(d.lane[j])
			r.printf("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#cf222e\" stroke-width=\"3\" stroke-dasharray=\"6 5\"/>\n", d.x(j)+radius, y, w-6, y)
		}
	}
	// Waits-for arrows, from circle edge to circle edge, bent aside.
	for j := range ss {
		t := d.waitsFor(j)
		if t < 0 {
			continue
		}
		label := "waits for"
		if ss[j].Op == finding.OpPanic {
			label = "after"
		}
		x1, y1 := float64(d.x(j)), float64(d.y(d.lane[j]))
		x2, y2 := float64(d.x(t)), float64(d.y(d.lane[t]))
		var sx, sy, ex, ey, cx, cy float64
		if y1 == y2 {
			// Same lane: a low arc between the circles' sides, under
			// the BLOCKS mark and inside the lane.
			dir := 1.0
			if x2 < x1 {
				dir = -1
			}
			sx, sy, ex, ey = x1+dir*(radius+2), y1-7, x2-dir*(radius+2), y2-7
			cx, cy = (x1+x2)/2, y1-34
		} else {
			dx, dy := x2-x1, y2-y1
			l := math.Hypot(dx, dy)
			ux, uy := dx/l, dy/l
			sx, sy = x1+ux*(radius+5), y1+uy*(radius+5)
			ex, ey = x2-ux*(radius+3), y2-uy*(radius+3)
			// Bend to the left of the direction of travel.
			cx, cy = (sx+ex)/2+uy*28, (sy+ey)/2-ux*28
		}
		r.printf("<g class=\"waits-for\" data-from=\"%d\" data-to=\"%d\"><path d=\"M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"#cf222e\" stroke-width=\"2\" stroke-dasharray=\"5 3\" marker-end=\"url(#%s-wait)\"/>",
			j+1, t+1, sx, sy, cx, cy, ex, ey, id)
		// The label at the curve's middle, on its outer side.
		mx, my := (sx+2*cx+ex)/4, (sy+2*cy+ey)/4
		r.printf("<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#cf222e\" font-style=\"italic\" font-weight=\"600\" font-family=\"sans-serif\" text-anchor=\"middle\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\">%s</text></g>\n", mx+(cx-(sx+ex)/2)*0.6, my+(cy-(sy+ey)/2)*0.6+4, label)
	}
	// The events, each a link to its place in the code below.
	for j, s := range ss {
		x, y := d.x(j), d.y(d.lane[j])
		class := "event"
		if s.Blocks {
			class += " blocks"
		}
		r.printf("<a href=\"#f%d-s%d\"><g class=\"%s\" data-step=\"%d\" data-op=\"%s\" data-goroutine=\"%s\">", n, j+1, class, j+1, esc(string(s.Op)), esc(d.lanes[d.lane[j]]))
		r.printf("<title>%s</title>", esc(fmt.Sprintf("%s:%d: %s", filepath.Base(s.Pos.File), s.Pos.Line, s.Message)))
		if s.Blocks {
			r.printf("<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"none\" stroke=\"#cf222e\" stroke-width=\"2\"/>", x, y, radius+4)
			word := "BLOCKS"
			if s.Op == finding.OpPanic {
				word = "PANICS"
			}
			r.printf("<text x=\"%d\" y=\"%d\" font-size=\"11\" font-weight=\"700\" fill=\"#cf222e\" text-anchor=\"middle\" font-family=\"sans-serif\">%s</text>", x, y-radius-8, word)
		}
		r.printf("<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"%s\"/>", x, y, radius, color(s))
		r.printf("<text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"700\" fill=\"#ffffff\" text-anchor=\"middle\" font-family=\"sans-serif\">%d</text>", x, y+4, j+1)
		op := opLabel(s.Op)
		if s.Op == finding.OpOther {
			op = "" // the code below says what it is
		}
		r.printf("<text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"600\" fill=\"#1f2328\" text-anchor=\"middle\" font-family=\"sans-serif\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\">%s</text>", x, y+radius+15, esc(op))
		if code := r.snippet(s); code != "" {
			r.printf("<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#0969da\" text-decoration=\"underline\" text-anchor=\"middle\" font-family=\"monospace\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\">%s</text>", x, y+radius+29, esc(code))
		}
		r.printf("</g></a>\n")
	}
	r.printf("</svg>\n")
}

// snippetLength is the most characters of code shown under an event.
const snippetLength = 17

// snippet is the code at a step, shortened to fit under its event, or
// its file and line when the file cannot be read.
func (r *renderer) snippet(s finding.Step) string {
	if s.Pos.File == "" {
		return ""
	}
	lines := r.lines(s.Pos.File)
	if s.Pos.Line < 1 || s.Pos.Line > len(lines) || s.Pos.Col < 1 || s.Pos.Col > len(lines[s.Pos.Line-1])+1 {
		return fmt.Sprintf("%s:%d", filepath.Base(s.Pos.File), s.Pos.Line)
	}
	line := lines[s.Pos.Line-1]
	code := strings.TrimSpace(line[callStart(line, s.Pos.Col-1):])
	if i := strings.Index(code, "//"); i >= 0 {
		code = strings.TrimSpace(code[:i])
	}
	code = strings.TrimSuffix(code, "{")
	code = strings.TrimSpace(code)
	if utf8.RuneCountInString(code) > snippetLength {
		runes := []rune(code)
		code = string(runes[:snippetLength-1]) + "…"
	}
	return code
}

// callStart moves a position at a call's '(' (where SSA places calls)
// back to the start of the called expression, so that the code shown
// is "r.mu.Lock()", not "()".
func callStart(line string, i int) int {
	if i >= len(line) || line[i] != '(' {
		return i
	}
	for i > 0 {
		c := line[i-1]
		if c == '.' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			i--
			continue
		}
		break
	}
	return i
}
