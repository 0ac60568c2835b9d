package syncmodel

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// Which goroutine runs a function, and what happens before it: the
// queries below follow a function up through its callers (Callers) to
// the go statements that start it, and answer two happens-before
// questions of the memory model.
//
//   - StartedAfter: every goroutine that can run fn is started by a go
//     statement of w's function that w precedes (set-up before the
//     readers exist: the go statement orders w before all of fn).
//   - OwnGoroutine: two functions run only in the one goroutine that a
//     single go statement starts (a run loop and its handlers), so
//     their accesses are ordered by program order.
//
// A function that code we cannot see may call (exported, used as a
// value, a method called through an interface of the same name, main
// and init) is entered some other way, and none of the answers hold.

type entryIndex struct {
	// valueUse: used as a value, not only called or started.
	valueUse map[*ssa.Function]bool
	// invoked lists the method names called through an interface, or
	// taken as method expressions.
	invoked map[string]bool
	// fields lists the instructions that take the address of, or read,
	// each field.
	fields map[*types.Var][]ssa.Instruction
	// ifaced lists the named types a value of which (or of a pointer
	// to which) is converted to an interface.
	ifaced map[*types.Named]bool
	// bound lists, for a method, the method values (c.handle) made of
	// it that are not only called where they are made.
	bound map[*ssa.Function][]*ssa.MakeClosure
	// plainValue: used as a value other than as a method value.
	plainValue map[*ssa.Function]bool
	// foreignIface lists the named types a value of which (or of a
	// pointer to which) is converted to an interface of another
	// package (any, io.Writer): code we cannot see may call its
	// methods.
	foreignIface map[*types.Named]bool
	// invokes lists, by method name, the calls through an interface
	// of the package.
	invokes map[string][]Site
	// thunked lists the method names taken as method expressions.
	thunked map[string]bool
	// embedded lists the named types of the package that a struct
	// type of the package embeds: their methods are promoted.
	embedded map[*types.Named]bool
	// exposed lists the named types of the package that code of
	// another package can get a value of through the package's
	// exported functions, variables, fields and methods.
	exposed map[*types.Named]bool
}

func (m *Model) entryIdx() *entryIndex {
	m.entriesOnce.Do(func() {
		x := &entryIndex{valueUse: map[*ssa.Function]bool{}, invoked: map[string]bool{}, fields: map[*types.Var][]ssa.Instruction{}, ifaced: map[*types.Named]bool{}, bound: map[*ssa.Function][]*ssa.MakeClosure{}, plainValue: map[*ssa.Function]bool{},
			foreignIface: map[*types.Named]bool{}, invokes: map[string][]Site{}, thunked: map[string]bool{}, embedded: map[*types.Named]bool{}}
		x.exposed = exposedTypes(m.pkg)
		scope := m.pkg.Scope()
		for _, name := range scope.Names() {
			if st, ok := scope.Lookup(name).Type().Underlying().(*types.Struct); ok {
				for i := 0; i < st.NumFields(); i++ {
					if f := st.Field(i); f.Embedded() {
						if n := namedOf(f.Type()); n != nil {
							x.embedded[n] = true
						}
					}
				}
			}
		}
		for _, f := range m.Funcs {
			for _, b := range f.Fn.Blocks {
				for _, in := range b.Instrs {
					x.add(m.pkg, f.Fn, in)
				}
			}
		}
		m.entries = x
	})
	return m.entries
}

func (x *entryIndex) add(pkg *types.Package, fn *ssa.Function, in ssa.Instruction) {
	switch in := in.(type) {
	case *ssa.MakeInterface:
		if n := namedOf(in.X.Type()); n != nil {
			x.ifaced[n] = true
			if !ownNamed(in.Type(), pkg) {
				x.foreignIface[n] = true
			}
		}
	case *ssa.FieldAddr:
		if v := analysisutil.FieldOf(in); v != nil {
			x.fields[v] = append(x.fields[v], in)
		}
	case *ssa.Field:
		if v := analysisutil.FieldValueOf(in); v != nil {
			x.fields[v] = append(x.fields[v], in)
		}
	case *ssa.MakeClosure:
		lit, _ := in.Fn.(*ssa.Function)
		if lit == nil || flow.OnlyUsedAs(in, flow.Called, flow.Deferred, flow.Started) {
			return
		}
		x.valueUse[lit] = true
		if bm := analysisutil.BoundMethod(lit); bm != nil {
			x.valueUse[bm] = true
			x.bound[bm] = append(x.bound[bm], in)
		} else {
			x.plainValue[lit] = true
		}
		return
	}
	var callee ssa.Value
	if c, ok := in.(ssa.CallInstruction); ok {
		callee = c.Common().Value
		if c.Common().IsInvoke() {
			name := c.Common().Method.Name()
			x.invoked[name] = true
			if ownNamed(c.Common().Value.Type(), pkg) {
				_, isGo := in.(*ssa.Go)
				x.invokes[name] = append(x.invokes[name], Site{Caller: fn, Instr: in, Goroutine: isGo})
			}
		}
	}
	var rands []*ssa.Value
	for _, r := range in.Operands(rands) {
		fn, ok := (*r).(*ssa.Function)
		if !ok || *r == callee {
			continue
		}
		x.valueUse[fn] = true
		x.plainValue[fn] = true
		if fn.Synthetic != "" {
			// A method expression's thunk calls the method: anyone
			// holding the thunk may.
			name, _, _ := strings.Cut(fn.Name(), "$")
			x.invoked[name] = true
			x.thunked[name] = true
		}
	}
}

// Open reports whether fn may be entered from code the package's call
// sites do not show: exported, main or init, used as a value, or a
// method called through an interface.
func (m *Model) Open(fn *ssa.Function) bool { return m.open(fn) }

// open reports whether fn may be entered from code the package's call
// sites do not show.
func (m *Model) open(fn *ssa.Function) bool {
	x := m.entryIdx()
	if obj := fn.Object(); obj != nil && obj.Exported() {
		return true
	}
	if isEntry(fn) {
		return true
	}
	return x.valueUse[fn] || fn.Signature.Recv() != nil && x.invoked[fn.Name()]
}

// GoRoots returns the go statements whose goroutines can run fn (fn
// itself, or a function that reaches fn through static calls of the
// package), and whether those are the only ways fn runs: false when
// fn, or a function on the way up, can be entered otherwise (see
// open), or is started by WaitGroup.Go, errgroup or Once.Do.
func (m *Model) GoRoots(fn *ssa.Function) ([]Site, bool) {
	roots, _, ok := m.goRoots(fn, false, false, nil)
	return roots, ok
}

// goRoots is GoRoots; with calls, the calls that start a goroutine
// (WaitGroup.Go, Group.Go, a helper that runs its argument in one)
// are roots too, and a function literal handed only to them is not
// open for it.
//
// With pkgOnly, a test that calls fn's way in directly (a test of the
// package calling s.evict() itself) is not a way in: it runs on the
// test's own objects, in the test's goroutine, as lockset's entry
// analysis also takes it.
//
// With home, the static calls from home (and the functions it calls)
// are no way in: they run in home's own goroutine; inline says whether
// one of the ways into fn comes from home so.
func (m *Model) goRoots(fn *ssa.Function, calls, pkgOnly bool, home *ssa.Function) (roots []Site, inline, ok bool) {
	inPkg := !flow.InTestFile(fn)
	seen := map[*ssa.Function]bool{}
	var up func(f *ssa.Function, depth int) bool
	up = func(f *ssa.Function, depth int) bool {
		if f == home {
			inline = true
			return true
		}
		if seen[f] {
			return true // a cycle adds no way in
		}
		seen[f] = true
		sites := m.callers[f]
		if depth > 8 || len(sites) == 0 || m.open(f) && !(calls && m.onlyStartedAt(f, sites)) {
			return false
		}
		for _, s := range sites {
			if pkgOnly && inPkg && flow.InTestFile(s.Caller) {
				continue
			}
			if s.IsGo() || calls && s.Goroutine {
				roots = append(roots, s)
				continue
			}
			if s.Goroutine || !up(s.Caller, depth+1) {
				return false
			}
		}
		return true
	}
	ok = up(fn, 0)
	return roots, inline, ok
}

// onlyStartedAt reports whether the function literal fn, or the
// unexported method fn taken as a method value (wg.Go(s.loop)), is
// used only as the function a site of sites starts: every use of the
// closure (or of the function, when it captures nothing) is such a
// call.
func (m *Model) onlyStartedAt(fn *ssa.Function, sites []Site) bool {
	at := make(map[ssa.Instruction]bool)
	for _, s := range sites {
		if s.Goroutine {
			at[s.Instr] = true
		}
	}
	var vals []ssa.Value
	if parent := fn.Parent(); parent != nil {
		if len(fn.FreeVars) == 0 {
			vals = append(vals, fn)
		}
		for _, b := range parent.Blocks {
			for _, in := range b.Instrs {
				if mc, ok := in.(*ssa.MakeClosure); ok && mc.Fn == ssa.Value(fn) {
					vals = append(vals, mc)
				}
			}
		}
	} else {
		// A method value: open only for its closures, if it is not
		// exported, called through an interface or used plainly.
		x := m.entryIdx()
		obj := fn.Object()
		if obj == nil || obj.Exported() || x.invoked[fn.Name()] || x.plainValue[fn] {
			return false
		}
		for _, mc := range x.bound[fn] {
			vals = append(vals, mc)
		}
	}
	n := 0
	for _, v := range vals {
		refs := v.Referrers()
		if refs == nil {
			return false
		}
		for _, r := range *refs {
			if !at[r] {
				return false
			}
			n++
		}
	}
	return n > 0
}

// StartedAfter reports whether fn runs only in goroutines that go
// statements of w's function start after w: no such go statement can
// run before w, so each orders w before all of fn (set-up writes made
// before the goroutines that use the fields exist). It returns the go
// statements.
func (m *Model) StartedAfter(fn *ssa.Function, w ssa.Instruction) ([]Site, bool) {
	roots, ok := m.GoRoots(fn)
	if !ok || len(roots) == 0 {
		return nil, false
	}
	if !startsAfter(roots, w) {
		return nil, false
	}
	return roots, true
}

// startsAfter reports whether every site of roots is a go statement of
// w's function that w does not reach.
func startsAfter(roots []Site, w ssa.Instruction) bool {
	for _, s := range roots {
		if s.Caller != w.Parent() || s.Instr == w || flow.Reaches(s.Instr, w, nil) {
			return false
		}
	}
	return true
}

// OrderedByStarter reports whether every run of fn is ordered with w
// by w's own goroutine: fn runs in goroutines that w's function
// starts after w, or in that goroutine itself, called from w's
// function (a getter taking the lock that a downloader calls on its
// sequential path, where it starts no workers, as its workers do);
// inline says whether it is so called. Only one run of w's function at
// a time is ordered so: the caller must see to that.
func (m *Model) OrderedByStarter(fn *ssa.Function, w ssa.Instruction) (inline, ok bool) {
	roots, inline, ok := m.goRoots(fn, false, false, w.Parent())
	return inline, ok && startsAfter(roots, w)
}

// Precedes reports whether w runs only before the go statements that
// start every goroutine running fn: w's function starts them after w
// (StartedAfter), or w's function is called, up to a depth, only from
// call sites of the package that do (a set-up helper called before the
// go statement).
func (m *Model) Precedes(w ssa.Instruction, fn *ssa.Function) bool {
	return m.precedes(w, fn, 0)
}

func (m *Model) precedes(w ssa.Instruction, fn *ssa.Function, depth int) bool {
	if _, ok := m.StartedAfter(fn, w); ok {
		return true
	}
	caller := w.Parent()
	sites := m.callers[caller]
	if depth > 4 || len(sites) == 0 || m.open(caller) {
		return false
	}
	for _, s := range sites {
		if s.Goroutine || !m.precedes(s.Instr, fn, depth+1) {
			return false
		}
	}
	return true
}

// OwnGoroutine reports whether a and b run only in the goroutine of
// one go statement, not in a loop (a run loop and the handlers it
// calls): their operations are ordered by the goroutine's program
// order. It returns that go statement.
func (m *Model) OwnGoroutine(a, b *ssa.Function) (Site, bool) {
	ra, ok := m.GoRoots(a)
	if !ok || len(ra) != 1 {
		return Site{}, false
	}
	rb, ok := m.GoRoots(b)
	if !ok || len(rb) != 1 || ra[0].Instr != rb[0].Instr || flow.InLoop(ra[0].Instr.Block()) {
		return Site{}, false
	}
	return ra[0], true
}

// FieldAccesses returns every instruction of the package that takes
// the address of the field v, or reads it from a struct value: each
// access to the field (unexported fields are accessed nowhere else).
func (m *Model) FieldAccesses(v *types.Var) []ssa.Instruction {
	return m.entryIdx().fields[v.Origin()]
}

// AwaitsReply reports whether, after at, its function hands a channel
// it made to someone inside a request (stores it into a field of a
// struct: req := request{done: make(chan struct{})}) and then, on every
// path to a return, receives from that channel: it waits for the
// answer to its request. It returns the field and the receive.
func AwaitsReply(at ssa.Instruction) (*types.Var, ssa.Instruction, bool) {
	return replyWait(at, true)
}

// replyWait is AwaitsReply; made says whether the request must be
// made after at (not only the wait come after it).
func replyWait(at ssa.Instruction, made bool) (*types.Var, ssa.Instruction, bool) {
	fn := at.Parent()
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			mc, ok := in.(*ssa.MakeChan)
			if !ok {
				continue
			}
			var field *types.Var
			var store *ssa.Store
			var recv ssa.Instruction
			for _, r := range *mc.Referrers() {
				switch r := r.(type) {
				case *ssa.Store:
					if fa, ok := r.Addr.(*ssa.FieldAddr); ok && r.Val == mc {
						if f := analysisutil.FieldOf(fa); f != nil {
							field, store = f, r
						}
					}
				case *ssa.UnOp:
					if r.Op == token.ARROW {
						recv = r
					}
				}
			}
			if recv == nil && store != nil {
				// <-req.reply, read back from the request.
				recv = recvFromField(fn, store.Addr.(*ssa.FieldAddr), field)
			}
			if field == nil || recv == nil || made && !flow.Reaches(at, store, nil) || !flow.Reaches(store, recv, nil) || !flow.Reaches(at, recv, nil) {
				continue
			}
			if flow.OnEveryPath(at, recv) {
				return field, recv, true
			}
		}
	}
	return nil, nil, false
}

// recvFromField returns a receive of fn from the field of the request
// whose field address fa is (the request built in a variable, then
// copied out of it), or nil.
func recvFromField(fn *ssa.Function, fa *ssa.FieldAddr, field *types.Var) ssa.Instruction {
	req := fa.X
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			u, ok := in.(*ssa.UnOp)
			if !ok || u.Op != token.ARROW {
				continue
			}
			var x ssa.Value
			switch ch := u.X.(type) {
			case *ssa.Field:
				if analysisutil.FieldValueOf(ch) == field {
					x = ch.X
				}
			case *ssa.UnOp:
				if a, ok := ch.X.(*ssa.FieldAddr); ok && ch.Op == token.MUL && a.Field == fa.Field {
					x = a.X
				}
			}
			if x != nil && requestVar(x, fa.Field) == requestVar(req, fa.Field) {
				return u
			}
		}
	}
	return nil
}

// requestVar follows a request value back to the variable it was
// built in: through loads (*t) and variables stored once (e := req).
func requestVar(x ssa.Value, i int) ssa.Value {
	for range 4 {
		switch v := x.(type) {
		case *ssa.UnOp:
			if v.Op != token.MUL {
				return x
			}
			x = v.X
		case *ssa.Alloc:
			h := heldValue(v, i)
			if h == v {
				return x
			}
			x = h
		default:
			return x
		}
	}
	return x
}

// A Reply is the answer a function gives to a request after some
// instruction of it.
type Reply struct {
	// Answer closes, or sends on, the reply channel of the request.
	Answer ssa.Instruction
	// Field is the field of the request that holds the reply channel.
	Field *types.Var
	// Recv is the receive the request came in by, nil when it is a
	// parameter of the function.
	Recv *ssa.UnOp
}

// RepliesAfter returns the answers w's function gives, on every path
// from w, to the request it is handling: a request it was given (a
// parameter: close(req.done)) or one it received before w (for e :=
// range l.in { ...; e.reply <- err }), answered before the function
// returns or receives the next one. A requester waiting for that
// answer (AwaitsReply) knows w has happened; the request came in
// before w, so w follows whatever the requester did before handing
// it over.
func RepliesAfter(w ssa.Instruction) []Reply {
	fn := w.Parent()
	var out []Reply
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			var ch ssa.Value
			switch in := in.(type) {
			case *ssa.Send:
				ch = in.Chan
			case *ssa.Call:
				if bi, ok := in.Call.Value.(*ssa.Builtin); ok && bi.Name() == "close" && len(in.Call.Args) == 1 {
					ch = in.Call.Args[0]
				}
			}
			if ch == nil {
				continue
			}
			field, recv, ok := requestField(fn, ch)
			if !ok || recv != nil && !flow.Dominates(recv, w) || !flow.Reaches(w, in, nil) {
				continue
			}
			every := flow.OnEveryPath(w, in)
			if every && recv != nil {
				// and before the next request
				every = !flow.Reaches(w, recv, func(x ssa.Instruction) bool { return x == in })
			}
			if every {
				out = append(out, Reply{Answer: in, Field: field, Recv: recv})
			}
		}
	}
	return out
}

// requestField returns the field of the request whose reply channel ch
// is, and the receive the request came in by (nil for a parameter of
// fn).
func requestField(fn *ssa.Function, ch ssa.Value) (*types.Var, *ssa.UnOp, bool) {
	var x ssa.Value
	var st *types.Struct
	var i int
	switch ch := ch.(type) {
	case *ssa.Field:
		x, i = ch.X, ch.Field
		st, _ = ch.X.Type().Underlying().(*types.Struct)
	case *ssa.UnOp:
		fa, ok := ch.X.(*ssa.FieldAddr)
		if !ok || ch.Op != token.MUL {
			return nil, nil, false
		}
		x, i, st = fa.X, fa.Field, analysisutil.PointedStruct(fa.X.Type())
	}
	if st == nil || i >= st.NumFields() {
		return nil, nil, false
	}
	if a, ok := x.(*ssa.Alloc); ok {
		x = heldValue(a, i)
	}
	if e, ok := x.(*ssa.Extract); ok && e.Index == 0 {
		x = e.Tuple
	}
	switch x := x.(type) {
	case *ssa.Parameter:
		if x.Parent() == fn {
			return st.Field(i).Origin(), nil, true
		}
	case *ssa.UnOp:
		if x.Op == token.ARROW {
			return st.Field(i).Origin(), x, true
		}
	}
	return nil, nil, false
}

// RequestLocks returns the mutex fields that every sender of the
// requests the receive recv takes holds for writing from its send
// until it has received the reply (held in field of the request):
// Post locks l.mu, sends the entry and waits for e.reply before it
// unlocks. What the receiver does between the request and the reply
// then happens inside each requester's critical section.
func (m *Model) RequestLocks(recv *ssa.UnOp, field *types.Var) []*types.Var {
	id, ok := m.Chans.ChanOf(recv.X)
	if !ok || id.Kind == chanmodel.KindField && (id.Field.Exported() || id.Field.Pkg() != m.pkg) || id.Kind == chanmodel.KindParam {
		return nil
	}
	var common []*types.Var
	n := 0
	for _, r := range m.Chans.OpsOn(id) {
		if r.Op.Kind != chanmodel.Send || !r.Op.Direct() {
			continue
		}
		if r.Op.Select {
			return nil
		}
		f, wait, ok := replyWait(r.Op.Instr, false)
		lf := m.Locks.Funcs[r.F.Fn]
		if !ok || f != field || lf == nil {
			return nil
		}
		var held []*types.Var
		for k, l := range lf.HeldBefore(r.Op.Instr) {
			if l.Mode != lockset.Write {
				continue
			}
			if l2, ok := lf.HeldBefore(wait)[k]; ok && l2.Mode == lockset.Write {
				if v := k.Field(); v != nil && (n == 0 || slices.Contains(common, v)) {
					held = append(held, v)
				}
			}
		}
		common, n = held, n+1
		if len(common) == 0 {
			return nil
		}
	}
	return common
}

// heldValue returns the value a struct variable a holds when it is
// stored once and its field i is only read (the variable a request
// lives in), or a itself.
func heldValue(a *ssa.Alloc, i int) ssa.Value {
	var p ssa.Value
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != a || p != nil {
				return a
			}
			p = r.Val
		case *ssa.FieldAddr:
			if r.Field != i {
				continue
			}
			for _, u := range *r.Referrers() {
				if l, ok := u.(*ssa.UnOp); !ok || l.Op != token.MUL {
					return a
				}
			}
		case *ssa.UnOp:
		default:
			return a
		}
	}
	if p == nil {
		return a
	}
	return p
}

// IntValue returns the integer v always is: a constant, or a parameter
// of a function that only the package's static calls can enter (see
// open), each passing the same constant (newWatcher(0, events) for
// newWatcher(chanSize int, ...)), through up to depth callers.
func (m *Model) IntValue(v ssa.Value, depth int) (int64, bool) {
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil || v.Value.Kind() != constant.Int {
			return 0, false
		}
		return constant.Int64Val(v.Value)
	case *ssa.Convert:
		if b, ok := v.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
			return m.IntValue(v.X, depth)
		}
	case *ssa.Parameter:
		args, ok := m.BoundArgs(v)
		if depth == 0 || !ok {
			return 0, false
		}
		var n int64
		for j, a := range args {
			x, ok := m.IntValue(a, depth-1)
			if !ok || j > 0 && x != n {
				return 0, false
			}
			n = x
		}
		return n, true
	}
	return 0, false
}

// Unbuffered reports whether every channel id names is made, and made
// unbuffered: make(chan T), or make(chan T, n) with n always 0
// (IntValue).
func (m *Model) Unbuffered(id chanmodel.ChanID) bool {
	makes := m.Chans.Makes(id)
	for _, mc := range makes {
		if n, ok := m.IntValue(mc.Size, 2); !ok || n != 0 {
			return false
		}
	}
	return len(makes) > 0
}

// CannotRun reports whether nothing can run fn: it has no caller in
// the package (no call, go statement or interface call of the package
// reaches it) and code the package does not show cannot enter it
// either (see open). In package main an exported function or method
// is entered from nowhere else, unless a value of its receiver's type
// is converted to an interface (another package may call its methods
// through it).
func (m *Model) CannotRun(fn *ssa.Function) bool {
	return len(m.sitesOf(fn)) == 0 && fn.Parent() == nil && m.EnteredOnlyByCalls(fn)
}

// namedOf returns the named type t is or points to, or nil.
func namedOf(t types.Type) *types.Named {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// EnteredOnlyByCalls reports whether the package's own calls and go
// statements (Callers) are the only ways into fn: nothing else can
// enter it (see open; in package main, see CannotRun). It asks about a
// function and every way into it; analysisutil.ValueFlow.OnlyCalled
// asks about one function value and where it flows.
func (m *Model) EnteredOnlyByCalls(fn *ssa.Function) bool {
	if len(m.invokes[fn]) > 0 {
		return false
	}
	if m.pkg.Name() != "main" {
		return !m.open(fn)
	}
	x := m.entryIdx()
	recv := fn.Signature.Recv()
	if isEntry(fn) || x.valueUse[fn] {
		return false
	}
	if recv != nil {
		return !x.invoked[fn.Name()] && !x.ifaced[namedOf(recv.Type())]
	}
	return true
}

// Pkg returns the package of the model.
func (m *Model) Pkg() *types.Package { return m.pkg }

// isEntry reports whether the runtime enters fn: main, or a package's
// init function (init, init#1, ... in go/ssa), not a method or function
// whose name merely starts with init.
func isEntry(fn *ssa.Function) bool {
	return fn.Parent() == nil && fn.Signature.Recv() == nil &&
		(fn.Name() == "main" || fn.Name() == "init" || strings.HasPrefix(fn.Name(), "init#"))
}

// BoundArgs returns the values every call of p's function binds p to,
// when the package's direct calls and go statements are the only ways
// into the function (EnteredOnlyByCalls) and there is at least one. Only a
// direct call binds arguments to parameters one for one (not a method
// value's wrapper, not WaitGroup.Go's argument).
func (m *Model) BoundArgs(p *ssa.Parameter) ([]ssa.Value, bool) {
	fn := p.Parent()
	i := slices.Index(fn.Params, p)
	sites := m.callers[fn]
	if i < 0 || len(sites) == 0 || !m.EnteredOnlyByCalls(fn) {
		return nil, false
	}
	var out []ssa.Value
	for _, s := range sites {
		c, ok := s.Instr.(ssa.CallInstruction)
		if !ok || c.Common().Value != ssa.Value(fn) || len(c.Common().Args) != len(fn.Params) {
			return nil, false
		}
		out = append(out, c.Common().Args[i])
	}
	return out, true
}

// Joined reports whether w runs only once every goroutine that can run
// fn has ended: w's function waits, on every path to w, on a WaitGroup
// that each of those goroutines marks Done in a deferred call (a Close
// that stops the workers and waits for them before it flushes), or
// receives from a done channel that only the function fn runs within
// closes, deferred, as it returns (closedOnExit).
func (m *Model) Joined(w ssa.Instruction, fn *ssa.Function) bool {
	return m.joined(w, fn, false)
}

// JoinedInPackage is Joined for the goroutines the package's own code
// starts: a test that calls fn's way in directly, on objects of its
// own, is left out (an evictor a restart joins, whose sweep the tests
// also call by hand).
func (m *Model) JoinedInPackage(w ssa.Instruction, fn *ssa.Function) bool {
	return m.joined(w, fn, true)
}

func (m *Model) joined(w ssa.Instruction, fn *ssa.Function, pkgOnly bool) bool {
	wf := m.byFn[w.Parent()]
	if wf == nil {
		return false
	}
	for _, ev := range wf.Events {
		if ev.Kind == Chan && ev.Op.Kind == chanmodel.Recv && ev.Op.Via == nil && !ev.Op.Select &&
			!ev.Op.Deferred && flow.Dominates(ev.Op.Instr, w) && m.closedOnExit(ev.Op.Chan, fn) {
			return true
		}
	}
	roots, _, ok := m.goRoots(fn, true, pkgOnly, nil)
	if !ok || len(roots) == 0 {
		return false
	}
	waits := waitsBefore(wf, w)
	if len(waits) == 0 {
		return false
	}
	for _, r := range roots {
		if _, isGo := r.Instr.(*ssa.Go); !isGo {
			// WaitGroup.Go or errgroup's Go: joined by a Wait on
			// that very group; any other way of starting is not.
			if !m.startsInto(r, waits) {
				return false
			}
			continue
		}
		started := m.startedAt(r)
		if started == nil {
			return false
		}
		if !m.defersDone(started, &r, waits) && !m.doneBeforeReturns(started, &r, waits) {
			return false
		}
	}
	return true
}

// startsInto reports whether the call r starts its goroutine with
// WaitGroup.Go or errgroup's Group.Go on one of the groups wgs, whose
// Wait then returns only once the goroutine has.
func (m *Model) startsInto(r Site, wgs []Object) bool {
	f := m.byFn[r.Caller]
	if f == nil {
		return false
	}
	for _, ev := range f.Events {
		if ev.Instr == r.Instr && (ev.Kind == WGGo || ev.Kind == GroupGo) && slices.ContainsFunc(wgs, func(o Object) bool { return Same(o, ev.Obj) }) {
			return true
		}
	}
	return false
}

// TornDown reports whether, at w, no run of fn can be going on
// beside w but one the package's clients make: every way into fn up
// the package's static calls ends at a client's call (an exported
// function or method not used as a value or through an interface
// here; main, init or a test) or at a goroutine that w's function has
// joined before w (a Wait on the WaitGroup it is counted in, dominating
// w: a MustClose that stops the loops and waits for them). joined
// tells whether such a goroutine was on the way. Tests' calls of a
// function outside the tests run on objects of their own and are left
// out.
func (m *Model) TornDown(w ssa.Instruction, fn *ssa.Function) (joined, ok bool) {
	wf := m.byFn[w.Parent()]
	if wf == nil {
		return false, false
	}
	waits := waitsBefore(wf, w)
	x := m.entryIdx()
	inPkg := !flow.InTestFile(fn)
	seen := make(map[*ssa.Function]bool)
	var up func(f *ssa.Function, depth int) bool
	up = func(f *ssa.Function, depth int) bool {
		if seen[f] {
			return true
		}
		seen[f] = true
		if isEntry(f) || flow.IsTest(f) {
			return true // main, init and tests are clients too
		}
		var sites []Site
		for _, s := range m.callers[f] {
			if s.Caller == nil {
				return false
			}
			if inPkg && flow.InTestFile(s.Caller) {
				continue
			}
			sites = append(sites, s)
		}
		if depth > 8 || (x.valueUse[f] || f.Signature.Recv() != nil && x.invoked[f.Name()]) && !m.onlyStartedAt(f, sites) {
			return false
		}
		if len(sites) == 0 {
			obj := f.Object()
			return obj != nil && obj.Exported() && f.Parent() == nil
		}
		for _, s := range sites {
			switch {
			case s.IsGo():
				started := m.startedAt(s)
				if started == nil || !m.defersDone(started, &s, waits) && !m.doneBeforeReturns(started, &s, waits) {
					return false
				}
				joined = true
			case s.Goroutine:
				// WaitGroup.Go or errgroup's Go.
				if !m.startsInto(s, waits) {
					return false
				}
				joined = true
			case !up(s.Caller, depth+1):
				return false
			}
		}
		return true
	}
	ok = up(fn, 0)
	return joined, ok
}

// waitsBefore returns the objects of the Waits of wf that run on
// every path to w, not deferred.
func waitsBefore(wf *Func, w ssa.Instruction) []Object {
	var waits []Object
	for _, ev := range wf.Events {
		if ev.Kind == Wait && ev.Obj.Known() && !ev.Deferred && flow.Dominates(ev.Instr, w) {
			waits = append(waits, ev.Obj)
		}
	}
	return waits
}

// doneBeforeReturns reports whether every path of fn, which the go
// statement start runs, marks one of the WaitGroups wgs Done before
// it returns, outside any loop (a run loop whose stop case calls Done
// and returns).
func (m *Model) doneBeforeReturns(fn *ssa.Function, start *Site, wgs []Object) bool {
	if len(fn.Blocks) == 0 || len(fn.Blocks[0].Instrs) == 0 {
		return false
	}
	// From just before the entry's first instruction: a Done there
	// would be skipped by doneOnEveryPath's "just after".
	first := fn.Blocks[0].Instrs[0]
	if f := m.byFn[fn]; f != nil {
		for _, ev := range f.Events {
			if ev.Instr == first && ev.Kind == Done {
				return false // keep it simple: judged by defersDone's callers
			}
		}
	}
	return m.doneOnEveryPath(fn, first, func(o Object) bool {
		return slices.ContainsFunc(wgs, m.sameDone(fn, start, o))
	})
}

// startedAt returns the function the go statement of s runs.
func (m *Model) startedAt(s Site) *ssa.Function {
	f := m.byFn[s.Caller]
	if f == nil {
		return nil
	}
	for _, ev := range f.Events {
		if ev.Kind == Go && ev.Instr == s.Instr && ev.Start != nil {
			return ev.Start.Fn
		}
	}
	return nil
}

// defersDone reports whether fn defers, on every path, the Done of one
// of the WaitGroups in wgs. With the go statement start that runs fn
// (nil if unknown), a WaitGroup fn was handed is named as start's
// caller passes it (go s.work(&s.wg), whose work defers wg.Done).
func (m *Model) defersDone(fn *ssa.Function, start *Site, wgs []Object) bool {
	f := m.byFn[fn]
	if f == nil {
		return false
	}
	for _, ev := range f.Events {
		if ev.Kind != Done || !ev.Deferred || !ev.Must {
			continue
		}
		if slices.ContainsFunc(wgs, m.sameDone(fn, start, ev.Obj)) {
			return true
		}
	}
	return false
}

// sameDone returns whether an object is obj, the object of a Done of
// fn, which the go statement start runs: the same name, or, for obj
// rooted at fn's parameter or free variable, the name start's caller
// gives it, and its callers' names for that, two calls up (a helper
// that starts the borrower for its caller, handed the caller's &wg).
func (m *Model) sameDone(fn *ssa.Function, start *Site, obj Object) func(Object) bool {
	names := []Object{obj}
	if start != nil {
		if l, ok := m.InCaller(*start, fn, obj); ok {
			names = append(names, m.Names(start.Caller, l, 2)...)
		} else if p, ok := obj.Key.Root.(*ssa.Parameter); ok && p.Parent() == start.Caller {
			// A free variable of a literal, already named as its
			// maker, the starter, names it.
			names = append(names, m.Names(start.Caller, obj, 2)[1:]...)
		}
	}
	return func(o Object) bool {
		return slices.ContainsFunc(names, func(n Object) bool { return Same(n, o) })
	}
}

// closedOnExit reports whether a receive from the channel id completes
// only once every run of fn has ended: nothing sends on id, and every
// close of it is deferred by one function of the package, on every
// path, that fn runs inside of (fn is that function or is reached from
// it only by static calls of the package). The receive is then the
// join of a goroutine that closes a done channel as it exits:
//
//	func (s *S) loop() {
//		defer close(s.done)
//		for { s.handle() } // fn runs only inside loop
//	}
//
//	func (s *S) Close() {
//		<-s.done // every handle of the loop has returned
//		...
//	}
func (m *Model) closedOnExit(id chanmodel.ChanID, fn *ssa.Function) bool {
	if id.Kind != chanmodel.KindField && id.Kind != chanmodel.KindGlobal && id.Kind != chanmodel.KindMake {
		return false
	}
	if m.Chans.Escapes(id) {
		return false
	}
	var closer *ssa.Function
	for _, r := range m.Chans.OpsOn(id) {
		switch r.Op.Kind {
		case chanmodel.Send:
			return false
		case chanmodel.Close:
			if r.Op.Via != nil || r.Op.Unit != 0 {
				continue // the close as its callers and starters see it
			}
			if !r.Op.Deferred || !r.Op.Must ||
				closer != nil && closer != r.F.Fn {
				return false
			}
			closer = r.F.Fn
		}
	}
	return closer != nil && m.runsWithin(fn, closer, map[*ssa.Function]bool{}, 0)
}

// runsWithin reports whether fn runs only during a call of outer: it
// is outer, or every way into it (entrySites) is a call (not a go
// statement) from a function that runs within outer.
func (m *Model) runsWithin(fn, outer *ssa.Function, seen map[*ssa.Function]bool, depth int) bool {
	if fn == outer {
		return true
	}
	return m.waysUp(fn, outer, syncCall, syncCall, seen, depth)
}

func syncCall(s Site) bool {
	_, isCall := s.Instr.(*ssa.Call)
	return isCall && !s.Goroutine
}

// waysUp walks every way into fn (entrySites) up to outer: a site in
// outer must pass atOuter, any other must pass along and be, in its
// turn, entered only that way. False when a way leads elsewhere: a
// function the package does not enter only by its own calls.
func (m *Model) waysUp(fn, outer *ssa.Function, along, atOuter func(Site) bool, seen map[*ssa.Function]bool, depth int) bool {
	if seen[fn] {
		return true // a cycle adds no way in
	}
	seen[fn] = true
	sites, ok := m.entrySites(fn)
	if depth > 8 || len(sites) == 0 || !ok {
		return false
	}
	for _, s := range sites {
		if s.Caller == outer {
			if !atOuter(s) {
				return false
			}
			continue
		}
		if !along(s) || !m.waysUp(s.Caller, outer, along, atOuter, seen, depth+1) {
			return false
		}
	}
	return true
}

// ownNamed reports whether t is a named type declared in pkg.
func ownNamed(t types.Type, pkg *types.Package) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() == pkg
}

// entrySites returns the ways into fn that the package shows, and
// whether they are all of them: its calls and starts (Callers) when
// nothing else can enter fn (see open). A method of an unexported type
// that the package keeps to itself (no exported function, variable,
// field or method reaches it, its values become interfaces of the
// package only, nothing embeds it, no method expression takes the
// method) is entered, whatever its name, only by the package's calls
// of it and its calls through the package's interfaces that the type
// implements: code of another package can neither name the type nor
// get a value of it. A test's fake connection handed to the code under
// test, whose flusher goroutine calls its WriteBatch through the
// package's BatchPacketConn, inside the batch's Flush:
//
//	type stepConn struct{ entered chan int }
//	func (c *stepConn) WriteBatch(ms []Message) { c.entered <- len(ms) }
func (m *Model) entrySites(fn *ssa.Function) ([]Site, bool) {
	if !m.open(fn) {
		return m.callers[fn], true
	}
	recv := fn.Signature.Recv()
	if recv == nil || fn.Parent() != nil || fn.Synthetic != "" || isEntry(fn) {
		return nil, false
	}
	n := namedOf(recv.Type())
	x := m.entryIdx()
	if n == nil || n.Obj().Pkg() != m.pkg || n.Obj().Exported() || n.TypeParams().Len() > 0 ||
		x.valueUse[fn] || x.thunked[fn.Name()] || x.foreignIface[n] || x.embedded[n] || x.exposed[n] {
		return nil, false
	}
	sites := slices.Clone(m.callers[fn])
	for _, s := range x.invokes[fn.Name()] {
		iface, ok := s.Instr.(ssa.CallInstruction).Common().Value.Type().Underlying().(*types.Interface)
		if ok && (types.Implements(n, iface) || types.Implements(types.NewPointer(n), iface)) {
			sites = append(sites, s)
		}
	}
	return sites, true
}

// exposedTypes returns the named types of pkg that another package can
// get a value of: those its exported functions, variables, types,
// fields and methods mention, and, in turn, those the exported fields
// and methods of these mention.
func exposedTypes(pkg *types.Package) map[*types.Named]bool {
	out := map[*types.Named]bool{}
	seen := map[types.Type]bool{}
	var walk func(t types.Type)
	walk = func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		switch t := types.Unalias(t).(type) {
		case *types.Named:
			if t.Obj().Pkg() != pkg {
				if args := t.TypeArgs(); args != nil {
					for i := 0; i < args.Len(); i++ {
						walk(args.At(i))
					}
				}
				return
			}
			out[t] = true
			if args := t.TypeArgs(); args != nil {
				for i := 0; i < args.Len(); i++ {
					walk(args.At(i))
				}
			}
			for i := 0; i < t.NumMethods(); i++ {
				if mt := t.Method(i); mt.Exported() {
					walk(mt.Type())
				}
			}
			walk(t.Underlying())
		case *types.Pointer:
			walk(t.Elem())
		case *types.Slice:
			walk(t.Elem())
		case *types.Array:
			walk(t.Elem())
		case *types.Chan:
			walk(t.Elem())
		case *types.Map:
			walk(t.Key())
			walk(t.Elem())
		case *types.Signature:
			walk(t.Params())
			walk(t.Results())
		case *types.Tuple:
			for i := 0; i < t.Len(); i++ {
				walk(t.At(i).Type())
			}
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				if f := t.Field(i); f.Exported() || f.Embedded() {
					walk(f.Type())
				}
			}
		case *types.Interface:
			for i := 0; i < t.NumMethods(); i++ {
				if mt := t.Method(i); mt.Exported() {
					walk(mt.Type())
				}
			}
		}
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if obj := scope.Lookup(name); obj.Exported() {
			walk(obj.Type())
		}
	}
	return out
}
