// Package finding is the typed form of one goconcheck diagnostic once its
// package has been analyzed: what the standalone driver caches, filters
// (suppressions, baselines, only-new) and prints in every output format
// (text, JSON, SARIF, GitHub annotations, HTML).
//
// Positions are resolved (file, line, column), so a Finding outlives the
// package's syntax and file set. Steps carry, beside go/analysis's related
// information, which goroutine each place belongs to and what operation it
// is, for the pictures of the HTML report and SARIF code flows; analyzers
// attach them through this package's Trace, never by wording a message.
package finding

import (
	"go/token"
	"strconv"
)

// A Position is a resolved source position. Col and Offset are in bytes.
type Position struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Col    int    `json:"col"`
	Offset int    `json:"offset"`
}

// An Op is the kind of operation at one place of a finding's story.
type Op string

const (
	OpGo     Op = "go"     // a goroutine is started here
	OpSend   Op = "send"   // a channel send
	OpRecv   Op = "recv"   // a channel receive (or a range over a channel)
	OpSelect Op = "select" // a select statement
	OpClose  Op = "close"  // close(ch)
	OpLock   Op = "lock"   // Lock or RLock
	OpUnlock Op = "unlock" // Unlock or RUnlock
	OpAdd    Op = "add"    // WaitGroup.Add
	OpDone   Op = "done"   // WaitGroup.Done
	OpWait   Op = "wait"   // WaitGroup.Wait, Cond.Wait
	OpSignal Op = "signal" // Cond.Signal or Broadcast
	OpSleep  Op = "sleep"  // time.Sleep
	OpCancel Op = "cancel" // a context's cancel function is created or called
	OpRead   Op = "read"   // a memory read
	OpWrite  Op = "write"  // a memory write
	OpCall   Op = "call"   // a call on the path to another step
	OpReturn Op = "return" // the goroutine returns or exits
	OpPanic  Op = "panic"  // the goroutine panics
	OpOther  Op = "other"
)

// A Step is one place of a finding: the finding's own position or one of its
// related places, in the order the story is told.
type Step struct {
	Pos     Position `json:"pos"`
	End     Position `json:"end"`
	Message string   `json:"message"`
	// Goroutine names the goroutine that runs the step ("" when the
	// analyzer does not know): a short label such as "main", "caller"
	// or "goroutine at worker.go:12".
	Goroutine string `json:"goroutine,omitempty"`
	Op        Op     `json:"op,omitempty"`
	// Blocks marks the step where a goroutine blocks for ever or panics.
	Blocks bool `json:"blocks,omitempty"`
}

// An Edit is one text replacement of a suggested fix, by byte offsets.
type Edit struct {
	File  string `json:"filename"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}

// A Fix is one suggested fix.
type Fix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// A Finding is one diagnostic of one analyzer in one package.
type Finding struct {
	Package  string   `json:"package"`
	Analyzer string   `json:"analyzer"`
	Category string   `json:"category,omitempty"` // the analyzer's rule
	Pos      Position `json:"pos"`
	End      Position `json:"end"`
	Message  string   `json:"message"`
	URL      string   `json:"url,omitempty"`
	Related  []Step   `json:"related,omitempty"`
	Fixes    []Fix    `json:"fixes,omitempty"`
	// Trace is the finding's story as structured steps, the finding's own
	// position among them; nil when the analyzer attached none.
	Trace []Step `json:"trace,omitempty"`
}

// Rule is the finding's rule: its analyzer, and the category after a
// slash when the analyzer has several rules ("goroutineleak/orphan").
func (f *Finding) Rule() string {
	if f.Category == "" || f.Category == f.Analyzer {
		return f.Analyzer
	}
	return f.Analyzer + "/" + f.Category
}

// String formats p as go/token does: file:line:col, or file:line
// without a column, or "-" when p is not valid.
func (p Position) String() string {
	s := p.File
	if p.Line > 0 {
		if s != "" {
			s += ":"
		}
		s += strconv.Itoa(p.Line)
		if p.Col > 0 {
			s += ":" + strconv.Itoa(p.Col)
		}
	}
	if s == "" {
		s = "-"
	}
	return s
}

// PosBefore reports whether p comes before q in file name, then offset
// order: the order findings are listed in. Comparing the token.Pos
// values themselves is enough only within one file: go/packages parses
// a package's files concurrently, so the order of their bases in the
// file set changes from run to run, and so would whatever the
// comparison picks (the side of a lock inversion reported, the first
// of a goroutine's blocking operations).
func PosBefore(fset *token.FileSet, p, q token.Pos) bool {
	pp, qp := fset.Position(p), fset.Position(q)
	if pp.Filename != qp.Filename {
		return pp.Filename < qp.Filename
	}
	return pp.Offset < qp.Offset
}

// Less orders findings by file, line, column, message and analyzer.
func Less(a, b *Finding) bool {
	if a.Pos.File != b.Pos.File {
		return a.Pos.File < b.Pos.File
	}
	if a.Pos.Line != b.Pos.Line {
		return a.Pos.Line < b.Pos.Line
	}
	if a.Pos.Col != b.Pos.Col {
		return a.Pos.Col < b.Pos.Col
	}
	if a.Message != b.Message {
		return a.Message < b.Message
	}
	return a.Analyzer < b.Analyzer
}

// Steps is the finding's story in order: Trace when the analyzer
// attached one, else the finding's own position and then its related
// places as reported.
func (f *Finding) Steps() []Step {
	if len(f.Trace) > 0 {
		return f.Trace
	}
	steps := make([]Step, 0, 1+len(f.Related))
	steps = append(steps, Step{Pos: f.Pos, End: f.End, Message: f.Message})
	return append(steps, f.Related...)
}
