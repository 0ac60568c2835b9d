package indexer

import "sync"

type pool struct {
	wg   sync.WaitGroup
	size int
}

func (p *pool) spawn(f func()) {
	p.wg.Add(1)
	p.size++
	go func() {
		defer p.wg.Done()
		f()
	}()
}

func (p *pool) wait() { p.wg.Wait() }
