package main

import (
	"fmt"
	"strings"
	"time"
)

type hit struct {
	backend string
	doc     string
}

type Backend struct {
	Name  string
	Delay time.Duration
	Docs  []string
}

func (b *Backend) Search(q string) (hit, bool) {
	time.Sleep(b.Delay)
	for _, d := range b.Docs {
		if strings.Contains(d, q) {
			return hit{backend: b.Name, doc: d}, true
		}
	}
	return hit{}, false
}

// FirstHit queries all backends and returns the first document found.
func FirstHit(backends []*Backend, q string) (hit, bool) {
	done := make(chan struct{})
	defer close(done)

	chans := make([]chan hit, len(backends))
	for i, b := range backends {
		chans[i] = make(chan hit)
		go func(out chan<- hit, b *Backend) {
			h, ok := b.Search(q)
			if !ok {
				return
			}
			select {
			case out <- h:
			case <-done:
			}
		}(chans[i], b)
	}

	timeout := time.After(100 * time.Millisecond)
	for _, ch := range chans {
		select {
		case h := <-ch:
			return h, true
		case <-timeout:
			return hit{}, false
		}
	}
	return hit{}, false
}

func main() {
	backends := []*Backend{
		{Name: "primary", Delay: 30 * time.Millisecond, Docs: []string{"etcd raft log"}},
		{Name: "replica", Delay: 10 * time.Millisecond, Docs: []string{"etcd raft snapshot"}},
	}
	h, ok := FirstHit(backends, "raft")
	fmt.Println(h, ok)
	time.Sleep(50 * time.Millisecond)
}
