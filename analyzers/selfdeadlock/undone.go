package selfdeadlock

import (
	"go/constant"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// checkUndoneWaitGroups reports a WaitGroup.Wait on a WaitGroup the
// package counts up (an Add of a positive constant) and nothing in the
// program counts down: no Done, no WaitGroup.Go, no Add of a negative
// or unknown delta may be on it. Once an Add has run, the Wait never
// returns. The model must see every use of the WaitGroup
// (syncmodel.Contained: an unexported field, package variable or
// local handed to no code outside the package); an event on a
// WaitGroup the model cannot name by field or variable may be on any
// and keeps the check silent, and so does a Done or Add taken as a
// function value.
func (c *checker) checkUndoneWaitGroups() {
	var ups, downs []syncmodel.Ref
	for _, f := range c.sm.Funcs {
		for i := range f.Events {
			e := &f.Events[i]
			switch e.Kind {
			case syncmodel.Done, syncmodel.WGGo:
				downs = append(downs, syncmodel.Ref{F: f, E: e})
			case syncmodel.Add:
				if positiveDelta(e.Instr) {
					ups = append(ups, syncmodel.Ref{F: f, E: e})
				} else {
					downs = append(downs, syncmodel.Ref{F: f, E: e})
				}
			}
		}
	}
	if len(ups) == 0 || c.methodAsValue("WaitGroup", "Done", "Add") {
		return
	}
	for _, f := range c.sm.Funcs {
		for i := range f.Events {
			e := &f.Events[i]
			if e.Kind != syncmodel.Wait || !e.Obj.Known() || !c.sm.Contained(e.Obj) || c.mayWake(e.Obj, downs) {
				continue
			}
			var add *syncmodel.Ref
			for j := range ups {
				if syncmodel.Same(e.Obj, ups[j].E.Obj) {
					add = &ups[j]
					break
				}
			}
			if add == nil {
				continue // never counted up: the Wait returns at once
			}
			counted := finding.Place{Pos: add.E.Pos, Message: "counted up here; nothing counts it down",
				Goroutine: analysisutil.Goroutine(c.pass.Fset, add.F.Fn), Op: finding.OpAdd}
			c.reportWait(f, e, []finding.Place{counted},
				"WaitGroup.Wait on "+waitName(e, "the WaitGroup")+" blocks forever once it is counted up: nothing in the package calls Done on it")
		}
	}
}

// positiveDelta reports whether the Add call in counts up by a
// positive constant.
func positiveDelta(in ssa.Instruction) bool {
	call, ok := in.(ssa.CallInstruction)
	if !ok {
		return false
	}
	args := call.Common().Args
	if len(args) == 0 {
		return false
	}
	k, ok := args[len(args)-1].(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return false
	}
	return constant.Sign(k.Value) > 0
}
