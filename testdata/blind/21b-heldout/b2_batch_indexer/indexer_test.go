package b2_batch_indexer

import "testing"

func TestIndexAll(t *testing.T) {
	ix := New(2, "the", "a")
	sum, err := ix.IndexAll([]Doc{
		{ID: "1", Body: "The quick fox"},
		{ID: "2", Body: "a lazy dog"},
		{ID: "3", Body: "quick dog"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Docs != 3 || sum.Terms["quick"] != 2 {
		t.Fatalf("unexpected summary %+v", sum)
	}
}
