package replica

func (r *Replica) appendEntry(p proposal) {
	r.lastIndex++
	e := Entry{Index: r.lastIndex, Cmd: p.cmd}
	r.log = append(r.log, e)
	r.waiters[e.Index] = p.resp
}

func (r *Replica) commitThrough(idx uint64) {
	if idx > r.lastIndex {
		idx = r.lastIndex
	}
	r.mu.Lock()
	if idx > r.committed {
		r.committed = idx
	}
	target := r.committed
	r.mu.Unlock()
	for r.applied < target {
		r.applyNext()
	}
}

func (r *Replica) applyNext() {
	e := r.log[0]
	r.log = r.log[1:]
	err := r.apply(e)
	r.applied = e.Index
	if ch, ok := r.waiters[e.Index]; ok {
		ch <- err
		delete(r.waiters, e.Index)
	}
}

func (r *Replica) failWaiters() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for idx, ch := range r.waiters {
		ch <- ErrStopped
		delete(r.waiters, idx)
	}
	r.log = nil
}
