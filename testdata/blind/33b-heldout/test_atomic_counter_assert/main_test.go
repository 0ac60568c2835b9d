// BAD: the test starts Drain in a goroutine, sleeps, and then asserts on the atomic counters,
// assuming the goroutine has processed everything; the sleep is not a join.
package indexer

import (
	"fmt"
	"testing"
	"time"
)

func makeDocs(n int) []Doc {
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = Doc{ID: fmt.Sprintf("doc-%d", i), Body: "the quick brown fox"}
	}
	return docs
}

func TestDrainIndexesAllDocuments(t *testing.T) {
	const n = 25
	ix := New()
	ch := make(chan Doc, n)
	for _, d := range makeDocs(n) {
		ch <- d
	}
	close(ch)

	go ix.Drain(ch)

	time.Sleep(50 * time.Millisecond) // want "time.Sleep used to wait"

	if got := ix.Indexed(); got != n {
		t.Fatalf("Indexed() = %d, want %d", got, n)
	}
	if got := ix.Tokens(); got != 4*n {
		t.Fatalf("Tokens() = %d, want %d", got, 4*n)
	}
}
