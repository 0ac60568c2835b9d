package finding

import (
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// A Place is one step of a finding's story as an analyzer knows it,
// before positions are resolved: where, in which goroutine, doing what.
type Place struct {
	Pos, End token.Pos
	// Message is the related information's text; "" for the
	// diagnostic's own position, which takes the diagnostic's message.
	Message   string
	Goroutine string
	Op        Op
	Blocks    bool
}

// A Trace is the story of one diagnostic, built along with it. Its
// Report reports the diagnostic as pass.Report does and, when the
// driver listens (the standalone command), hands it the steps too. Under
// go vet or golangci-lint nobody listens and the steps are dropped: the
// diagnostic and its related information are the same either way.
type Trace struct {
	places []Place
}

// Step adds a place to the story only: the diagnostic's own position,
// or a place its related information need not repeat (the go statement
// that started a goroutine the message names).
func (t *Trace) Step(p Place) {
	for _, q := range t.places {
		if q == p {
			return // two ways to the same go statement
		}
	}
	t.places = append(t.places, p)
}

// Steps adds places to the story only, as Step does.
func (t *Trace) Steps(ps ...Place) {
	for _, p := range ps {
		t.Step(p)
	}
}

// Related adds a place to the story and to d's related information.
func (t *Trace) Related(d *analysis.Diagnostic, p Place) {
	d.Related = append(d.Related, analysis.RelatedInformation{Pos: p.Pos, End: p.End, Message: p.Message})
	t.Step(p)
}

// Report reports d and records its steps with the recorder the driver
// installed for pass, if any.
// A nil Trace reports d with no steps.
func (t *Trace) Report(pass *analysis.Pass, d analysis.Diagnostic) {
	// A place with no position (a conversion's) is no information:
	// printed, it would read "-".
	d.Related = slices.DeleteFunc(slices.Clone(d.Related), func(r analysis.RelatedInformation) bool { return !r.Pos.IsValid() })
	pass.Report(d)
	if t == nil {
		return
	}
	if rec, ok := recorders.Load(pass); ok {
		places := make([]Place, len(t.places))
		copy(places, t.places)
		rec.(Recorder)(d, places)
	}
}

// A Recorder receives each diagnostic reported through a Trace with its
// steps. It may also receive diagnostics pass.Report then drops (a
// filter on generated files): match them to the reported ones.
type Recorder func(d analysis.Diagnostic, steps []Place)

// recorders maps an *analysis.Pass to its Recorder. Keyed by the pass,
// not stored in it: analysis.Pass has no room for a driver's extras, and
// the drivers that do not listen must not have to know.
var recorders sync.Map

// Record installs rec for the diagnostics of pass until stop is called.
func Record(pass *analysis.Pass, rec Recorder) (stop func()) {
	recorders.Store(pass, rec)
	return func() { recorders.Delete(pass) }
}

// Steps resolves the places recorded for d into steps. A place without
// a message at d's position gets d's message.
func Steps(fset *token.FileSet, d analysis.Diagnostic, places []Place) []Step {
	steps := make([]Step, 0, len(places))
	for _, p := range places {
		msg := p.Message
		if msg == "" && p.Pos == d.Pos {
			msg = d.Message
		}
		end := p.End
		if !end.IsValid() {
			end = p.Pos
		}
		steps = append(steps, Step{
			Pos:       position(fset, p.Pos),
			End:       position(fset, end),
			Message:   msg,
			Goroutine: p.Goroutine,
			Op:        p.Op,
			Blocks:    p.Blocks,
		})
	}
	return steps
}

func position(fset *token.FileSet, pos token.Pos) Position {
	if !pos.IsValid() {
		return Position{}
	}
	p := fset.Position(pos)
	return Position{File: p.Filename, Line: p.Line, Col: p.Column, Offset: p.Offset}
}

// Spawned is the label of the goroutine a go statement at pos starts:
// one lane per go statement, named where a reader finds it.
func Spawned(fset *token.FileSet, pos token.Pos) string {
	if !pos.IsValid() {
		return "goroutine"
	}
	p := fset.Position(pos)
	return SpawnedLabel(p.Filename, p.Line)
}

// SpawnedLabel is Spawned's label for a go statement at file:line; the
// HTML report uses it to find the lane a go step starts.
func SpawnedLabel(file string, line int) string {
	return "goroutine at " + filepath.Base(file) + ":" + strconv.Itoa(line)
}
