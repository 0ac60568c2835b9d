package mailbox

import "sync"

type Letter struct {
	To   string
	Body string
}

type Mailbox struct {
	mu      sync.Mutex
	arrived *sync.Cond
	letters []Letter
}

func NewMailbox() *Mailbox {
	m := &Mailbox{}
	m.arrived = sync.NewCond(&m.mu)
	return m
}

func (m *Mailbox) Post(l Letter) {
	m.mu.Lock()
	m.letters = append(m.letters, l)
	m.mu.Unlock()
	m.arrived.Signal()
}

func (m *Mailbox) Take() Letter {
	m.mu.Lock()
	defer m.mu.Unlock()
	for len(m.letters) == 0 {
		m.arrived.Wait()
	}
	l := m.letters[0]
	m.letters = m.letters[1:]
	return l
}
