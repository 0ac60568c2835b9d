package ingest

import (
	"sort"
	"strings"
)

type Batch struct {
	Source  string
	Lines   []string
	Dropped int
	Tags    map[string]int
}

type Pipeline struct {
	out chan *Batch
}

func NewPipeline() *Pipeline {
	return &Pipeline{out: make(chan *Batch)}
}

func (p *Pipeline) Produce(source string, raw []string, size int) {
	go func() {
		defer close(p.out)
		b := &Batch{Source: source, Tags: map[string]int{}}
		for _, line := range raw {
			line = strings.TrimSpace(line)
			if line == "" {
				b.Dropped++
				continue
			}
			b.Lines = append(b.Lines, line)
			if len(b.Lines) == size {
				p.out <- b
				b = &Batch{Source: source, Tags: map[string]int{}}
			}
		}
		if len(b.Lines) > 0 {
			p.out <- b
		}
	}()
}

func (p *Pipeline) Consume(sink func(*Batch)) int {
	n := 0
	for b := range p.out {
		sort.Strings(b.Lines)
		for _, l := range b.Lines {
			if i := strings.IndexByte(l, '#'); i >= 0 {
				b.Tags[l[i+1:]]++
			}
		}
		b.Source = strings.ToLower(b.Source)
		sink(b)
		n += len(b.Lines)
	}
	return n
}
