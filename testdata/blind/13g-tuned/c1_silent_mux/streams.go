package mux

func (m *Mux) handleFrame(f frame) {
	st := m.lookup(f.stream)
	st.buf = append(st.buf, f.data...)
	if f.fin {
		m.finish(f.stream, st)
	}
}

func (m *Mux) lookup(id uint32) *streamState {
	st, ok := m.streams[id]
	if !ok {
		st = &streamState{}
		m.mu.Lock()
		m.streams[id] = st
		m.openCount++
		m.mu.Unlock()
	}
	return st
}

func (m *Mux) finish(id uint32, st *streamState) {
	st.done = true
	m.enqueue(st.buf)
	m.mu.Lock()
	delete(m.streams, id)
	m.openCount--
	m.mu.Unlock()
}

func (m *Mux) enqueue(b []byte) {
	m.sendQueue = append(m.sendQueue, b)
}

func (m *Mux) flushQueue() {
	for len(m.sendQueue) > 0 {
		if _, err := m.w.Write(m.sendQueue[0]); err != nil {
			m.mu.Lock()
			m.lastErr = err
			m.sendQueue = m.sendQueue[:0]
			m.mu.Unlock()
			return
		}
		m.sendQueue = m.sendQueue[1:]
	}
}
