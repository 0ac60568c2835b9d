package waitgroupadd

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/factcodec"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// What a function does to WaitGroups it can name from the outside.
const (
	evAdd     uint8 = iota + 1 // Add with a positive (or unknown) delta
	evDone                     // Done, or Add with a negative constant
	evWait                     // Wait, here or in a goroutine started here
	evCarry                    // a goroutine started here (or an opaque callee) may use it
	evPublish                  // a channel send or close, an unlock, a callback: a possible handshake
)

// Event is one WaitGroup operation of a function, as exported in Facts.
type Event struct {
	Kind uint8
	Ref  accesspath.Rel
}

// Flags of a summary.
const (
	// flagPublish: the function calls code we cannot see, which may
	// make its progress visible to another goroutine.
	flagPublish uint8 = 1 << iota
	// flagRecv: the function receives from a channel (an unbuffered
	// receive orders it before the completion of the matching send).
	flagRecv
	// flagSend: the function sends on a channel.
	flagSend
	// flagClose: the function closes a channel (a one-shot signal such
	// as close(started)).
	flagClose
)

// summaryFact is the Fact exported for a function or method whose
// summary is not empty.
type summaryFact struct {
	Events []Event
	Flags  uint8
}

func (*summaryFact) AFact() {}

// GobEncode writes the fact in its compact form for go vet's fact files
// (see factcodec).
func (f *summaryFact) GobEncode() ([]byte, error) {
	var w factcodec.Writer
	w.Uint(uint64(f.Flags))
	factcodec.List(&w, f.Events, func(w *factcodec.Writer, e Event) {
		w.Uint(uint64(e.Kind))
		e.Ref.Encode(w)
	})
	return w.Bytes(), nil
}

func (f *summaryFact) GobDecode(data []byte) error {
	r := factcodec.NewReader(data)
	flags := uint8(r.Uint())
	*f = summaryFact{Flags: flags, Events: factcodec.ReadList(r, func(r *factcodec.Reader) Event {
		return Event{Kind: uint8(r.Uint()), Ref: accesspath.DecodeRel(r)}
	})}
	return r.Err()
}

func (f *summaryFact) String() string {
	var b strings.Builder
	b.WriteString("waitgroupadd(")
	for i, e := range f.Events {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString([]string{"?", "add", "done", "wait", "carry", "pub"}[e.Kind])
		b.WriteString(":")
		b.WriteString(refString(e.Ref))
	}
	fmt.Fprintf(&b, " flags=%d)", f.Flags)
	return b.String()
}

// refString renders a reference as the fact always has: p0/1 is field
// 1 of the first parameter, f0 the first free variable.
func refString(r accesspath.Rel) string {
	path := strings.ReplaceAll(r.Path, ".", "/")
	switch {
	case r.Param >= 0:
		return "p" + strconv.Itoa(r.Param) + path
	case r.FreeVar >= 0:
		return "f" + strconv.Itoa(r.FreeVar) + path
	}
	return r.Global + path
}

// analyzedFact marks a package this analyzer has run on, so that a
// function of it without a summaryFact is known to have no effect
// rather than being unknown.
type analyzedFact struct{ analysisutil.Analyzed }

func (*analyzedFact) AFact() {}

func newAnalyzedFact() analysisutil.AnalyzedFact { return new(analyzedFact) }

// A WaitGroup reference in the frame of one SSA function is an
// accesspath.Key from resolve: fields only, a given static type
// admitting only one shape; in a summary, an accesspath.Rel.

// event is an operation in a function, in abstract (ref) or in
// concrete (cref) form, with the position of the call in that
// function that performs it and the name of the callee it goes through.
type event struct {
	kind uint8
	ref  accesspath.Rel
	cref accesspath.Key
	pos  token.Pos
	via  string
	// fenced (an Add): every Add the event stands for is fenced by a
	// closed state of its object (syncmodel.Model.AddFenced), ordered
	// before every Wait on its WaitGroup or not made at all. The
	// exported fact leaves such Adds out: no caller can make them race.
	fenced bool
}

type summary struct {
	events []event // abstract refs only
	flags  uint8
	// perInstr holds the concrete events of each instruction of a
	// function of the current package, for the checks: nil on a
	// dependency, whose run only exports the summaries.
	perInstr map[ssa.Instruction][]event
}

func (s *summary) empty() bool { return len(s.events) == 0 && s.flags == 0 }

// summarizer computes summaries once per function.
type summarizer struct {
	pass      *analysis.Pass
	marks     *analysisutil.Marks
	memo      map[*ssa.Function]*summary
	factsOnly bool // see summary.perInstr
	sm        *syncmodel.Model
}

// resolve expresses v as a root and a field path; bind rebinds a
// callee's reference in the caller's frame.
func resolve(v ssa.Value) accesspath.Key { return accesspath.Shape(v) }

func bind(r accesspath.Rel, args, bindings []ssa.Value) accesspath.Key {
	k, _ := r.BindWith(args, bindings, resolve)
	return k
}

// mayHoldWaitGroup reports whether a value of type t could lead to a
// WaitGroup; basic values cannot.
func mayHoldWaitGroup(t types.Type) bool {
	_, basic := t.Underlying().(*types.Basic)
	return !basic
}

// carryAll returns carry events for every value that could lead a
// callee we cannot see to a WaitGroup; a closure carries what it
// captures.
func carryAll(vals []ssa.Value, pos token.Pos) []event {
	return carryDepth(vals, pos, 0)
}

func carryDepth(vals []ssa.Value, pos token.Pos, depth int) []event {
	var evs []event
	for _, v := range vals {
		if v == nil || !mayHoldWaitGroup(v.Type()) {
			continue
		}
		r := resolve(v)
		// A closure carries what it binds; a declared function, which
		// binds nothing, is carried as itself (not analysisutil.FuncValue).
		if mc, ok := r.Root.(*ssa.MakeClosure); ok && r.Path == "" {
			// A recursive closure may capture itself.
			if depth < 4 {
				evs = append(evs, carryDepth(mc.Bindings, pos, depth+1)...)
			}
			continue
		}
		if r.Valid() {
			evs = append(evs, event{kind: evCarry, cref: r, pos: pos})
		}
	}
	return evs
}

// publish returns the publication event of a channel operation, an
// unlock or a call of a function value on v.
func publish(v ssa.Value, pos token.Pos) []event {
	r := resolve(v)
	if !r.Valid() {
		return nil
	}
	return []event{{kind: evPublish, cref: r, pos: pos}}
}

// expandPublish turns a callee's call of a function value bound to a
// known function (a closure the caller passed) into that function's
// own publications.
func (sz *summarizer) expandPublish(r accesspath.Key, pos token.Pos, depth int) []event {
	fn, bindings := analysisutil.FuncValue(r.Root)
	if fn == nil {
		if !r.Valid() {
			return nil
		}
		return []event{{kind: evPublish, cref: r, pos: pos}}
	}
	s := sz.summary(flow.Body(fn))
	if r.Path != "" || depth > 4 {
		return nil
	}
	if s == nil || s.flags&flagPublish != 0 {
		return []event{{kind: evPublish, cref: r, pos: pos}} // keep: unknown
	}
	var evs []event
	for _, e := range s.events {
		if e.kind == evPublish {
			evs = append(evs, sz.expandPublish(bind(e.ref, nil, bindings), pos, depth+1)...)
		}
	}
	return evs
}

func carry(r accesspath.Key, pos token.Pos) []event {
	// As in carryDepth: a closure carries its bindings, a declared
	// function itself.
	if mc, ok := r.Root.(*ssa.MakeClosure); ok && r.Path == "" {
		return carryAll(mc.Bindings, pos)
	}
	if !r.Valid() {
		return nil
	}
	return []event{{kind: evCarry, cref: r, pos: pos}}
}

// seenList bounds the events of a summary searched one by one for a
// duplicate (see summary).
const seenList = 16

// summary returns the summary of fn, or nil if fn cannot be seen.
func (sz *summarizer) summary(fn *ssa.Function) *summary {
	if s, ok := sz.memo[fn]; ok {
		return s
	}
	if fn.Blocks == nil {
		s := sz.external(fn)
		sz.memo[fn] = s
		return s
	}
	// A recursive call sees the empty placeholder.
	s := new(summary)
	sz.memo[fn] = s
	// One event per kind and WaitGroup keeps summaries small however
	// often a callee is called. The events found so far are searched
	// for a duplicate while they are few (most functions have none,
	// and the rest a handful); past seenList a set is built.
	var seen map[Event]int
	have := func(ev Event) (int, bool) {
		if seen != nil {
			i, ok := seen[ev]
			return i, ok
		}
		for i, x := range s.events {
			if x.kind == ev.Kind && x.ref == ev.Ref {
				return i, true
			}
		}
		return 0, false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			evs, flags := sz.instrEvents(instr)
			s.flags |= flags
			if len(evs) == 0 {
				continue
			}
			if !sz.factsOnly {
				if s.perInstr == nil {
					s.perInstr = make(map[ssa.Instruction][]event)
				}
				s.perInstr[instr] = evs
			}
			for _, e := range evs {
				if r, ok := accesspath.Relative(fn, e.cref); ok {
					if i, ok := have(Event{e.kind, r}); ok {
						// One event stands for all: fenced only if each is.
						s.events[i].fenced = s.events[i].fenced && e.fenced
						continue
					}
					e.ref = r
					e.cref = accesspath.Key{}
					s.events = append(s.events, e)
					switch {
					case seen != nil:
						seen[Event{e.kind, r}] = len(s.events) - 1
					case len(s.events) > seenList:
						seen = make(map[Event]int, 2*len(s.events))
						for i, x := range s.events {
							seen[Event{x.kind, x.ref}] = i
						}
					}
				}
			}
		}
	}
	return s
}

// external summarises a function without SSA body: from its Fact, or
// as empty when its package was analyzed and exported none.
func (sz *summarizer) external(fn *ssa.Function) *summary {
	if o := fn.Origin(); o != nil && o != fn {
		return sz.summary(o)
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return nil
	}
	obj = obj.Origin()
	if obj.Pkg() == sz.pass.Pkg {
		return &summary{} // assembly
	}
	var f summaryFact
	if sz.pass.ImportObjectFact(obj, &f) {
		// What another package does to its own unexported state (the
		// WaitGroups of net's resolver, fmt's write lock, the
		// runtime) is no business of its callers' goroutines: not
		// their counts and no handshake between them.
		s := &summary{flags: f.Flags}
		for _, e := range f.Events {
			s.events = append(s.events, event{kind: e.Kind, ref: e.Ref})
		}
		return s
	}
	if sz.marks.Analyzed(obj.Pkg()) {
		return &summary{}
	}
	return nil
}

// callee returns the function a call or go statement runs and the
// values bound to its free variables, if static.
func callee(c *ssa.CallCommon) (*ssa.Function, []ssa.Value) {
	fn, bindings := analysisutil.FuncValue(c.Value)
	if fn == nil {
		return nil, nil // an interface method, or a function value not known here
	}
	return flow.Body(fn), bindings
}

func (sz *summarizer) instrEvents(instr ssa.Instruction) ([]event, uint8) {
	switch x := instr.(type) {
	case *ssa.Call:
		evs, flags := sz.callEvents(x.Common(), x.Pos())
		if wgKind(x.Common()) == syncmodel.Add && len(evs) == 1 && evs[0].kind == evAdd && sz.sm != nil {
			evs[0].fenced = sz.sm.AddFenced(x)
		}
		return evs, flags
	case *ssa.Defer:
		return sz.callEvents(x.Common(), x.Pos())
	case *ssa.Go:
		return sz.goEvents(x.Common(), x.Pos())
	case *ssa.Send:
		return publish(x.Chan, x.Pos()), flagSend
	case *ssa.UnOp:
		if x.Op == token.ARROW {
			return nil, flagRecv
		}
	case *ssa.Select:
		flags := uint8(flagRecv)
		var evs []event
		for _, st := range x.States {
			if st.Dir == types.SendOnly {
				flags |= flagSend
				evs = append(evs, publish(st.Chan, x.Pos())...)
			}
		}
		return evs, flags
	}
	return nil, 0
}

// wgKind returns the kind of the sync.WaitGroup operation c is (Add,
// Done, Wait or Go, by syncmodel's classification), or 0.
func wgKind(c *ssa.CallCommon) syncmodel.Kind {
	if c.IsInvoke() {
		return 0
	}
	switch k := syncmodel.CallKind(flow.CalleeFunc(c)); k {
	case syncmodel.Add, syncmodel.Done, syncmodel.Wait, syncmodel.WGGo:
		return k
	}
	return 0
}

func (sz *summarizer) callEvents(c *ssa.CallCommon, pos token.Pos) ([]event, uint8) {
	if b, ok := c.Value.(*ssa.Builtin); ok {
		if b.Name() == "close" && len(c.Args) == 1 {
			return publish(c.Args[0], pos), flagClose
		}
		return nil, 0
	}
	if kind := wgKind(c); kind != 0 && len(c.Args) > 0 {
		wg := resolve(c.Args[0])
		switch kind {
		case syncmodel.Add:
			kind := evAdd
			if k, ok := c.Args[1].(*ssa.Const); ok && k.Value != nil {
				if d, exact := constant.Int64Val(k.Value); exact {
					switch {
					case d == 0:
						return nil, 0
					case d < 0:
						kind = evDone
					}
				}
			}
			if neg, ok := c.Args[1].(*ssa.UnOp); ok && neg.Op == token.SUB {
				kind = evDone // wg.Add(-n)
			}
			return []event{{kind: kind, cref: wg, pos: pos}}, 0
		case syncmodel.Done:
			// Not a publication by itself: a Done on the WaitGroup
			// being added to is what the racing Wait observes; a Done
			// on another one is seen as an event by the rule.
			return []event{{kind: evDone, cref: wg, pos: pos}}, 0
		case syncmodel.Wait:
			return []event{{kind: evWait, cref: wg, pos: pos}}, 0
		case syncmodel.WGGo:
			// WaitGroup.Go orders its Add before the goroutine; the
			// goroutine holds a count of wg and may use what f captures.
			evs, flags := sz.spawn(c.Args[1:], nil, pos)
			return append(evs, event{kind: evCarry, cref: wg, pos: pos}), flags
		}
	}
	if m := flow.CalleeFunc(c); m != nil && m.Pkg() != nil {
		switch m.Pkg().Path() {
		case "sync", "sync/atomic":
			switch m.Name() {
			case "Lock", "RLock", "TryLock", "TryRLock":
				return nil, 0
			}
			if len(c.Args) == 0 {
				return nil, flagPublish
			}
			return publish(c.Args[0], pos), 0
		}
	}
	fn, bindings := callee(c)
	if fn == nil {
		vals := append([]ssa.Value{c.Value}, c.Args...)
		if c.IsInvoke() {
			// An interface method (an io.Writer, a logger) is not
			// taken to publish progress: the guide's and most real
			// services log while they start workers.
			return carryAll(vals, pos), 0
		}
		// A function value supplied from outside may be a handshake.
		return append(carryAll(vals, pos), publish(c.Value, pos)...), 0
	}
	s := sz.summary(fn)
	if s == nil {
		return carryAll(append(append([]ssa.Value(nil), c.Args...), bindings...), pos), flagPublish
	}
	if len(s.events) == 0 {
		return nil, s.flags &^ flagClose
	}
	// About one event of the caller's per event of the callee's.
	evs := make([]event, 0, len(s.events))
	for _, e := range s.events {
		r := bind(e.ref, c.Args, bindings)
		epos, evia := pos, viaName(fn, e.via)
		if pos == token.NoPos {
			// A synthetic wrapper (bound method, instance) is
			// transparent.
			epos, evia = e.pos, e.via
		}
		if e.kind == evPublish {
			evs = append(evs, sz.expandPublish(r, epos, 0)...)
			continue
		}
		if e.kind == evCarry {
			for _, ce := range carry(r, epos) {
				ce.via = evia
				evs = append(evs, ce)
			}
			continue
		}
		if !r.Valid() {
			continue
		}
		evs = append(evs, event{kind: e.kind, cref: r, pos: epos, via: evia, fenced: e.fenced})
	}
	// A callee's close is of its own channels (a connection's, a
	// timer's), not a signal the spawner can wait for.
	return evs, s.flags &^ flagClose
}

func viaName(fn *ssa.Function, inner string) string {
	if inner != "" {
		return inner
	}
	fn = flow.Origin(fn)
	if fn.Parent() != nil {
		return "" // a closure is part of its enclosing function
	}
	if obj := fn.Object(); obj != nil {
		if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil {
			return obj.Name()
		}
		if obj.Pkg() != nil {
			return obj.Pkg().Name() + "." + obj.Name()
		}
	}
	return fn.Name()
}

// goEvents summarises a go statement from the spawner's side: all the
// goroutine does to an outside WaitGroup becomes a carry (its Waits
// are kept too, for the spawner's Wait search).
func (sz *summarizer) goEvents(c *ssa.CallCommon, pos token.Pos) ([]event, uint8) {
	fn, bindings := callee(c)
	if fn == nil {
		return carryAll(append([]ssa.Value{c.Value}, c.Args...), pos), flagPublish
	}
	return sz.spawnFunc(fn, c.Args, bindings, pos)
}

// spawn handles a goroutine given as a function value (WaitGroup.Go).
func (sz *summarizer) spawn(vals []ssa.Value, args []ssa.Value, pos token.Pos) ([]event, uint8) {
	if len(vals) != 1 {
		return carryAll(vals, pos), flagPublish
	}
	fn, bindings := analysisutil.FuncValue(vals[0])
	if fn == nil {
		return carryAll(vals, pos), flagPublish
	}
	return sz.spawnFunc(fn, args, bindings, pos)
}

func (sz *summarizer) spawnFunc(fn *ssa.Function, args, bindings []ssa.Value, pos token.Pos) ([]event, uint8) {
	s := sz.summary(fn)
	if s == nil {
		return carryAll(append(append([]ssa.Value(nil), args...), bindings...), pos), flagPublish
	}
	var evs []event
	for _, e := range s.events {
		r := bind(e.ref, args, bindings)
		if e.kind == evWait && r.Valid() {
			evs = append(evs, event{kind: evWait, cref: r, pos: pos})
		}
		if e.kind == evPublish {
			evs = append(evs, sz.expandPublish(r, pos, 0)...)
			continue
		}
		evs = append(evs, carry(r, pos)...)
	}
	return evs, s.flags
}
