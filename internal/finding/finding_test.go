package finding

import (
	"go/token"
	"testing"
)

// TestPosBefore: positions in files added to the file set out of name
// order (as concurrent parsing may add them) are ordered by file name,
// then offset, not by their token.Pos values.
func TestPosBefore(t *testing.T) {
	fset := token.NewFileSet()
	b := fset.AddFile("b.go", -1, 100)
	a := fset.AddFile("a.go", -1, 100)
	pa, pb := a.Pos(10), b.Pos(50)
	if pa < pb {
		t.Fatalf("a.go was added second, so its positions should be the larger")
	}
	if !PosBefore(fset, pa, pb) || PosBefore(fset, pb, pa) {
		t.Errorf("a.go:10 should come before b.go:50")
	}
	if !PosBefore(fset, a.Pos(5), pa) || PosBefore(fset, pa, pa) {
		t.Errorf("within a.go, offset 5 should come before offset 10, and no position before itself")
	}
}
