package analysisutil

import (
	"go/types"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
)

var (
	factsOnly    atomic.Bool
	factsOnlyPkg sync.Map // *types.Package -> true
)

// SetFactsOnly tells the analyzers that this process analyzes a package
// only for its facts: the go command runs the vet tool on each
// dependency of the packages named (VetxOnly) and throws away what it
// reports. The driver sets it; no other driver does, so analyzers must
// compute the same facts either way and may only skip reporting work.
func SetFactsOnly() { factsOnly.Store(true) }

// SetFactsOnlyPackage says the same of one package, for a driver that
// analyzes the packages named and their dependencies in one process.
func SetFactsOnlyPackage(pkg *types.Package) { factsOnlyPkg.Store(pkg, true) }

// FactsOnly reports whether the diagnostics of pass are discarded.
func FactsOnly(pass *analysis.Pass) bool {
	if factsOnly.Load() {
		return true
	}
	_, ok := factsOnlyPkg.Load(pass.Pkg)
	return ok
}
