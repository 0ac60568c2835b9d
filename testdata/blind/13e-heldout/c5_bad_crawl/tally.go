package crawl

import (
	"strings"
	"sync"
	"unicode"
)

// Tally counts words across documents; safe for concurrent use.
type Tally struct {
	mu     sync.Mutex
	counts map[string]int
	docs   int
}

func NewTally() *Tally { return &Tally{counts: map[string]int{}} }

func (t *Tally) Add(doc string) {
	words := strings.FieldsFunc(strings.ToLower(doc), func(r rune) bool {
		return !unicode.IsLetter(r)
	})
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, w := range words {
		t.counts[w]++
	}
	t.docs++
}

func (t *Tally) Count(word string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.counts[word]
}

func (t *Tally) Docs() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.docs
}
