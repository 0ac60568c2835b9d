package analysisutil

import "sync/atomic"

var factsOnly atomic.Bool

// SetFactsOnly tells the analyzers that this process analyzes a package
// only for its facts: the go command runs the vet tool on each
// dependency of the packages named (VetxOnly) and throws away what it
// reports. The driver sets it; no other driver does, so analyzers must
// compute the same facts either way and may only skip reporting work.
func SetFactsOnly() { factsOnly.Store(true) }

// FactsOnly reports whether diagnostics of this process are discarded.
func FactsOnly() bool { return factsOnly.Load() }
