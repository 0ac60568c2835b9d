// Package errgroup is a stand-in for golang.org/x/sync/errgroup with
// the methods the model recognises.
package errgroup

import "sync"

type Group struct {
	wg  sync.WaitGroup
	err error
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil && g.err == nil {
			g.err = err
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	return g.err
}
