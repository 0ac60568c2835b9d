package indexer

func (ix *Indexer) add(path string, words map[string]bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for w := range words {
		ix.words[w] = append(ix.words[w], path)
	}
}

func (ix *Indexer) fail(err error) {
	ix.mu.Lock()
	ix.failures = append(ix.failures, err)
	ix.mu.Unlock()
}

func (ix *Indexer) Lookup(word string) []string {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return append([]string(nil), ix.words[word]...)
}
