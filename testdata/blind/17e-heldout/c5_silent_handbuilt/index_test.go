package handbuilt

import "testing"

func consistent(ix *Index) bool {
	ix.docsMu.Lock()
	defer ix.docsMu.Unlock()
	ix.termsMu.Lock()
	defer ix.termsMu.Unlock()
	for _, ids := range ix.terms {
		for _, id := range ids {
			if id >= len(ix.docs) {
				return false
			}
		}
	}
	return true
}

func TestHandBuiltIndex(t *testing.T) {
	ix := &Index{
		terms: map[string][]int{"alpha": {0}, "beta": {0, 1}},
		docs:  []string{"alpha beta", "beta"},
	}
	if !consistent(ix) {
		t.Fatal("fixture inconsistent")
	}
	ix.Add("gamma beta")
	if got := ix.Lookup("beta"); len(got) != 3 {
		t.Fatalf("beta: %v", got)
	}
	if !consistent(ix) {
		t.Fatal("index inconsistent after Add")
	}
}
