package indexer

import (
	"bufio"
	"os"
	"strings"
	"sync"
)

// Posting records that a word appears in a file.
type Posting struct {
	Word string
	File string
}

// Indexer tokenizes files concurrently and streams postings to a channel.
type Indexer struct {
	Out     chan Posting
	wg      sync.WaitGroup
	readers sync.WaitGroup
	files   []string
}

func New(files []string) *Indexer {
	return &Indexer{Out: make(chan Posting, 64), files: files}
}

// startReader launches a goroutine that emits the postings of one file.
func startReader(wg *sync.WaitGroup, out chan<- Posting, path string) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f, err := os.Open(path)
		if err != nil {
			return
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Split(bufio.ScanWords)
		for sc.Scan() {
			out <- Posting{Word: strings.ToLower(sc.Text()), File: path}
		}
	}()
}

// Run starts a reader per file and closes Out when the indexing is over.
func (ix *Indexer) Run() {
	for _, path := range ix.files {
		startReader(&ix.readers, ix.Out, path)
	}
	go ix.finish()
}

func (ix *Indexer) finish() {
	ix.wg.Wait()
	close(ix.Out)
}

// Build collects all postings into an inverted index.
func Build(files []string) map[string][]string {
	ix := New(files)
	ix.Run()
	index := make(map[string][]string)
	for p := range ix.Out {
		index[p.Word] = append(index[p.Word], p.File)
	}
	return index
}
