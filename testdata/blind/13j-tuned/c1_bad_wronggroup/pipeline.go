package pipeline

import (
	"bytes"
	"context"
	"strings"
	"sync"
)

// Doc is a parsed document ready for indexing.
type Doc struct {
	URL   string
	Title string
	Words []string
}

type raw struct {
	url  string
	body []byte
}

// Pipeline fetches URLs and parses them into documents.
type Pipeline struct {
	urls     chan string
	raw      chan raw
	docs     chan Doc
	fetchers sync.WaitGroup
	parsers  sync.WaitGroup
	get      func(ctx context.Context, url string) ([]byte, error)
}

// New starts nf fetchers and np parsers.
func New(nf, np int, get func(ctx context.Context, url string) ([]byte, error)) *Pipeline {
	p := &Pipeline{
		urls: make(chan string),
		raw:  make(chan raw, nf),
		docs: make(chan Doc, np),
		get:  get,
	}
	for i := 0; i < nf; i++ {
		p.fetchers.Add(1)
		go p.fetch()
	}
	for i := 0; i < np; i++ {
		p.parsers.Add(1)
		go p.parse()
	}
	return p
}

// Submit queues a URL for fetching.
func (p *Pipeline) Submit(url string) { p.urls <- url }

// Docs returns the parsed documents.
func (p *Pipeline) Docs() <-chan Doc { return p.docs }

func (p *Pipeline) fetch() {
	defer p.fetchers.Done()
	for u := range p.urls {
		body, err := p.get(context.Background(), u)
		if err != nil {
			continue
		}
		p.raw <- raw{url: u, body: body}
	}
}

func (p *Pipeline) parse() {
	defer p.parsers.Done()
	for r := range p.raw {
		title, _, _ := bytes.Cut(r.body, []byte("\n"))
		d := Doc{URL: r.url, Title: string(title), Words: strings.Fields(string(r.body))}
		p.docs <- d
	}
}

// Close drains the pipeline stage by stage and closes the document stream.
func (p *Pipeline) Close() {
	close(p.urls)
	p.fetchers.Wait()
	close(p.raw)
	p.fetchers.Wait()
	close(p.docs)
}
