package syncmodel

import (
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// A call table is a package variable holding functions that the
// package initialiser fills and that the rest of the package only
// indexes and calls (a dispatch table of message handlers):
//
//	var handlers = []func(*Session, header) error{
//		typeData: (*Session).handleData,
//		typePing: (*Session).handlePing,
//	}
//
//	func (s *Session) recvLoop() error {
//		...
//		if err := handlers[mt](s, hdr); err != nil {
//
// Each call through the table may call any of its functions, and
// nothing else can: those calls are the functions' call sites
// (Callers). A table written, or read, any other way is no table.

// indexTables adds the calls through the call tables of pkg to the
// callers of the functions the tables hold.
func (m *Model) indexTables(pkg *ssa.Package, funcs []*ssa.Function) {
	init := pkg.Func("init")
	if init == nil {
		return
	}
	tables := map[*ssa.Global][]*ssa.Function{}
	bad := map[*ssa.Global]bool{}
	for _, b := range init.Blocks {
		for _, in := range b.Instrs {
			st, ok := in.(*ssa.Store)
			if !ok {
				// The initialiser reading a table (var alias =
				// handlers) shares it with code the model does not
				// index.
				var rands []*ssa.Value
				for _, r := range in.Operands(rands) {
					if g, ok := (*r).(*ssa.Global); ok {
						bad[g] = true
					}
				}
				continue
			}
			g, ok := st.Addr.(*ssa.Global)
			if !ok {
				continue
			}
			if fns, ok := tableElems(st.Val); ok {
				tables[g] = append(tables[g], fns...)
			} else {
				bad[g] = true // a store of something else
			}
		}
	}
	calls := map[*ssa.Global][]Site{}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				var rands []*ssa.Value
				for _, r := range in.Operands(rands) {
					g, ok := (*r).(*ssa.Global)
					if !ok || tables[g] == nil {
						continue
					}
					sites, ok := tableCalls(in, fn)
					if !ok {
						bad[g] = true
						continue
					}
					calls[g] = append(calls[g], sites...)
				}
			}
		}
	}
	for g, fns := range tables {
		if bad[g] {
			continue
		}
		for _, f := range fns {
			m.callers[f] = append(m.callers[f], calls[g]...)
		}
	}
}

// tableElems returns the functions of a slice literal whose elements
// are all functions of the package (a method expression's thunk
// counts as its method).
func tableElems(v ssa.Value) ([]*ssa.Function, bool) {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil, false
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	var fns []*ssa.Function
	for _, r := range *arr.Referrers() {
		if r == sl {
			continue
		}
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			return nil, false
		}
		for _, u := range *ia.Referrers() {
			st, ok := u.(*ssa.Store)
			if !ok || st.Addr != ia {
				return nil, false
			}
			f, ok := st.Val.(*ssa.Function)
			if !ok {
				return nil, false
			}
			if strings.HasPrefix(f.Synthetic, "thunk") { // a method expression
				f = analysisutil.Wrapped(f)
				if f == nil {
					return nil, false
				}
			}
			fns = append(fns, f)
		}
	}
	return fns, len(fns) > 0
}

// tableCalls returns the calls that use the table loaded by in, or
// false if in uses the table otherwise: in must load the slice, and
// each element read from it must only be called.
func tableCalls(in ssa.Instruction, fn *ssa.Function) ([]Site, bool) {
	load, ok := in.(*ssa.UnOp)
	if !ok {
		return nil, false
	}
	var sites []Site
	for _, r := range *load.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			return nil, false
		}
		for _, u := range *ia.Referrers() {
			elem, ok := u.(*ssa.UnOp)
			if !ok {
				return nil, false
			}
			for _, c := range *elem.Referrers() {
				call, ok := c.(*ssa.Call)
				if !ok || call.Call.Value != elem {
					return nil, false
				}
				for _, a := range call.Call.Args {
					if a == elem {
						return nil, false
					}
				}
				sites = append(sites, Site{Caller: fn, Instr: call, Args: call.Call.Args})
			}
		}
	}
	return sites, true
}
