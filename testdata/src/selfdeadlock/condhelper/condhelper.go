// A helper that signals whatever Cond it is given: the model does not
// follow which, so no Cond.Wait of the package is reported, not even
// one on a Cond nothing passes to it.
package condhelper

import "sync"

type queue struct {
	nonEmpty *sync.Cond
	items    []int
}

func wake(c *sync.Cond) { c.Signal() }

func (q *queue) push(v int) {
	q.nonEmpty.L.Lock()
	q.items = append(q.items, v)
	q.nonEmpty.L.Unlock()
	wake(q.nonEmpty)
}

func (q *queue) pop() int {
	q.nonEmpty.L.Lock()
	defer q.nonEmpty.L.Unlock()
	for len(q.items) == 0 {
		q.nonEmpty.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

type plugin struct {
	activateWait *sync.Cond
	active       bool
}

func (p *plugin) waitActive() {
	p.activateWait.L.Lock()
	for !p.active {
		p.activateWait.Wait()
	}
	p.activateWait.L.Unlock()
}
