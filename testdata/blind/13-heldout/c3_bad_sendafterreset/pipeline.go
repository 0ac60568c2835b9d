// Class 3, BAD: restart closes p.in but gives a fresh channel only to p.out, so Replay's first send on p.in after restart runs on the closed channel and panics.
package c3_bad_sendafterreset

import "strings"

type Pipeline struct {
	in  chan string
	out chan string
}

func NewPipeline() *Pipeline {
	p := &Pipeline{in: make(chan string, 16), out: make(chan string, 16)}
	go p.stage(p.in, p.out)
	return p
}

func (p *Pipeline) stage(in <-chan string, out chan<- string) {
	for s := range in {
		out <- strings.ToUpper(s)
	}
	close(out)
}

// restart stops the current stage and installs a new output channel.
func (p *Pipeline) restart() {
	close(p.in)
	for range p.out {
	}
	p.out = make(chan string, 16)
}

// Replay resubmits items after draining the old stage.
func (p *Pipeline) Replay(items []string) []string {
	p.restart()
	go p.stage(p.in, p.out)
	res := make([]string, 0, len(items))
	for _, it := range items {
		p.in <- it // WANT sendafterclose
		res = append(res, <-p.out)
	}
	return res
}
