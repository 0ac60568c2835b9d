package relay

import "time"

func (e *Engine) dispatch(r Request) {
	e.pending[r.ID] = r
	go func() {
		e.results <- result{id: r.ID, out: e.backend(r.Body)}
	}()
	time.AfterFunc(e.deadline, func() {
		e.expired++
	})
}

func (e *Engine) complete(res result) {
	r, ok := e.pending[res.id]
	if !ok {
		return
	}
	delete(e.pending, res.id)
	e.mu.Lock()
	e.handled++
	if e.expired > 0 && len(e.pending) == 0 {
		e.expired = 0
	}
	e.mu.Unlock()
	r.Reply <- res.out
}
