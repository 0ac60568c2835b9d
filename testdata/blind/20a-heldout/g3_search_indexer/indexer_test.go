package g3_search_indexer

import (
	"reflect"
	"testing"
)

func TestIndexer(t *testing.T) {
	ix := NewIndexer(3)
	ix.Add(Doc{ID: "1", Text: "Go channels and goroutines"})
	ix.Add(Doc{ID: "2", Text: "channels, mutexes"})
	ix.Reindex([]Doc{{ID: "3", Text: "WaitGroup and channels"}, {ID: "4", Text: "select"}}, 1)
	ix.Close()

	if got, want := ix.Lookup("channels"), []string{"1", "2", "3"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Lookup = %v, want %v", got, want)
	}
}
