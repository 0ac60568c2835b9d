package search

import "testing"

func TestIndexer(t *testing.T) {
	ix := NewIndexer(4)
	ix.Add(Doc{ID: 1, Body: "The quick brown fox"})
	ix.Add(Doc{ID: 2, Body: ""})
	ix.Add(Doc{ID: 3, Body: "a quick test."})
	ix.Finish()
	if got := ix.Lookup("quick"); len(got) != 2 {
		t.Fatalf("Lookup(quick) = %v", got)
	}
}
