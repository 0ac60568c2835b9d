package crawl

import (
	"testing"
	"time"
)

var pages = []string{
	"The quick brown fox.",
	"A fox, a dog; the end.",
	"Brown dogs and brown foxes.",
	"the THE The",
}

func TestTallyConcurrentPages(t *testing.T) {
	tl := NewTally()
	for _, p := range pages {
		go tl.Add(p)
	}

	time.Sleep(10 * time.Millisecond)

	if got := tl.Docs(); got != len(pages) {
		t.Fatalf("docs = %d, want %d", got, len(pages))
	}
	if got := tl.Count("the"); got != 5 {
		t.Fatalf(`count("the") = %d, want 5`, got)
	}
	if got := tl.Count("brown"); got != 3 {
		t.Fatalf(`count("brown") = %d, want 3`, got)
	}
}
