package unlockedwrite

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/lockset"
)

// testHook reports whether the write a is made by a test-only hook (a
// method declared in a _test.go file, export_test.go's
// SetNetConn(c) { c.cn = ... }) on its receiver, that the tests call
// on an object they have just built, before anything uses it
// concurrently: every call of the hook in the package is a plain call
// from a test file (not a go statement, not a function value), and no
// goroutine that the object's constructor starts (a reader or pinger
// running from birth: startedAtBirth) reaches an access of the field.
// Such a goroutine runs beside every call of the hook, so the write
// stays reported then.
func testHook(pass *analysis.Pass, res *lockset.Result, a access, fs *fieldStats, born map[*ssa.Function]*ssa.Go) bool {
	fn := a.fn
	if !inTest(pass, fn) || fn.Parent() != nil || fn.Signature.Recv() == nil || !ownBase(fn, a.base) {
		return false
	}
	fromBirth := map[*ssa.Function]bool{}
	var walk func(f *ssa.Function, depth int)
	walk = func(f *ssa.Function, depth int) {
		if f == nil || fromBirth[f] || depth > 6 {
			return
		}
		fromBirth[f] = true
		for _, anon := range f.AnonFuncs {
			walk(anon, depth+1)
		}
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				if c, ok := in.(ssa.CallInstruction); ok {
					walk(c.Common().StaticCallee(), depth+1)
				}
			}
		}
	}
	for m := range born {
		walk(m, 0)
	}
	for _, acc := range fs.accesses {
		if fromBirth[acc.fn] {
			return false
		}
	}
	for _, g := range res.Functions() {
		for _, b := range g.Blocks {
			for _, in := range b.Instrs {
				var rands []*ssa.Value
				for i, r := range in.Operands(rands) {
					if *r != fn {
						continue
					}
					c, ok := in.(*ssa.Call)
					if !ok || i != 0 || c.Call.Value != fn || !inTest(pass, g) {
						return false // a go statement, a function value, a call outside the tests
					}
				}
			}
		}
	}
	return true
}
