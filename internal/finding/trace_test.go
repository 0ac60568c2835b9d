package finding

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func testPass(fset *token.FileSet, reported *[]analysis.Diagnostic) *analysis.Pass {
	return &analysis.Pass{Fset: fset, Report: func(d analysis.Diagnostic) { *reported = append(*reported, d) }}
}

func TestTraceReport(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("/src/a.go", -1, 100)
	f.SetLines([]int{0, 10, 20, 30})
	goPos, sendPos, retPos := f.Pos(12), f.Pos(22), f.Pos(31)

	var reported []analysis.Diagnostic
	pass := testPass(fset, &reported)
	var got []Step
	stop := Record(pass, func(d analysis.Diagnostic, places []Place) { got = Steps(fset, d, places) })

	var tr Trace
	d := analysis.Diagnostic{Pos: sendPos, Message: "send blocks"}
	tr.Step(Place{Pos: goPos, Message: "goroutine started here", Goroutine: "main", Op: OpGo})
	tr.Step(Place{Pos: goPos, Message: "goroutine started here", Goroutine: "main", Op: OpGo}) // a repeat
	tr.Step(Place{Pos: sendPos, Goroutine: Spawned(fset, goPos), Op: OpSend, Blocks: true})
	tr.Related(&d, Place{Pos: retPos, Message: "returns here", Goroutine: "main", Op: OpReturn})
	tr.Report(pass, d)
	stop()

	if len(reported) != 1 || len(reported[0].Related) != 1 || reported[0].Related[0].Message != "returns here" || reported[0].Related[0].Pos != retPos {
		t.Fatalf("reported %+v, want the diagnostic with one related place", reported)
	}
	want := []Step{
		{Pos: Position{"/src/a.go", 2, 3, 12}, End: Position{"/src/a.go", 2, 3, 12}, Message: "goroutine started here", Goroutine: "main", Op: OpGo},
		{Pos: Position{"/src/a.go", 3, 3, 22}, End: Position{"/src/a.go", 3, 3, 22}, Message: "send blocks", Goroutine: "goroutine at a.go:2", Op: OpSend, Blocks: true},
		{Pos: Position{"/src/a.go", 4, 2, 31}, End: Position{"/src/a.go", 4, 2, 31}, Message: "returns here", Goroutine: "main", Op: OpReturn},
	}
	if len(got) != len(want) {
		t.Fatalf("steps %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("step %d = %+v, want %+v", i, got[i], want[i])
		}
	}

	// Once the recorder is gone (go vet, golangci-lint), the diagnostic
	// is reported alone, unchanged.
	got = nil
	tr.Report(pass, d)
	if got != nil || len(reported) != 2 || reported[1].Message != "send blocks" {
		t.Errorf("without a recorder: steps %v, reported %+v", got, reported)
	}
	// A nil trace reports the diagnostic too.
	var none *Trace
	none.Report(pass, d)
	if len(reported) != 3 {
		t.Errorf("a nil Trace did not report")
	}
}

func TestRecordPerPass(t *testing.T) {
	fset := token.NewFileSet()
	var r1, r2 []analysis.Diagnostic
	p1, p2 := testPass(fset, &r1), testPass(fset, &r2)
	n := 0
	stop := Record(p1, func(analysis.Diagnostic, []Place) { n++ })
	defer stop()
	var tr Trace
	tr.Report(p2, analysis.Diagnostic{Message: "other pass"})
	if n != 0 {
		t.Errorf("the recorder of one pass saw another pass's diagnostic")
	}
	tr.Report(p1, analysis.Diagnostic{Message: "this pass"})
	if n != 1 {
		t.Errorf("recorder called %d times, want 1", n)
	}
}

// A related place with no position is left out of the diagnostic: a
// printer would show it as "-".
func TestReportDropsNoPos(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("/src/a.go", -1, 100)
	var reported []analysis.Diagnostic
	pass := testPass(fset, &reported)
	var tr Trace
	d := analysis.Diagnostic{Pos: f.Pos(5), Message: "write races"}
	tr.Related(&d, Place{Pos: token.NoPos, Message: "handler registered here"})
	tr.Related(&d, Place{Pos: f.Pos(9), Message: "called here"})
	tr.Report(pass, d)
	if len(reported) != 1 || len(reported[0].Related) != 1 || reported[0].Related[0].Message != "called here" {
		t.Fatalf("reported %+v, want only the related place with a position", reported)
	}
	if len(d.Related) != 2 {
		t.Errorf("the caller's diagnostic was changed: %+v", d.Related)
	}
}
