// Package atest holds what the tests share: the repository's testdata
// directory for analysistest, and SSA built from source text.
package atest

import (
	"path/filepath"
	"runtime"
)

// TestData returns the absolute path of the repository's testdata
// directory, which holds testdata/src/<analyzer>/... packages.
func TestData() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("atest: cannot locate source file")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}
