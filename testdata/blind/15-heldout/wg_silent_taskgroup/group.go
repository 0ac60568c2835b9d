// SILENT: Group.Go always does g.wg.Add(1) before its `go`, and the nested g.Go calls come from inside a task whose own count is held until it returns (Done is deferred), so Wait can only return after every spawned task was counted and finished.
package wg_silent_taskgroup

import "sync"

type Group struct {
	wg   sync.WaitGroup
	once sync.Once
	err  error
}

func (g *Group) Go(fn func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := fn(); err != nil {
			g.once.Do(func() { g.err = err })
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	return g.err
}
