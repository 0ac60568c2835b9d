package fields

type reply struct{ v int }

type Mailbox struct {
	errs chan error
	rpc  chan reply
}

// reader is the only sender on rpc: it runs for mailboxes that Open
// starts.
func (m *Mailbox) reader() {
	for i := 0; ; i++ {
		m.rpc <- reply{i}
	}
}

func Open() *Mailbox {
	m := &Mailbox{errs: make(chan error, 1), rpc: make(chan reply)}
	go m.reader()
	return m
}

func (m *Mailbox) call() (int, error) {
	select {
	case err := <-m.errs:
		return 0, err
	case r, ok := <-m.rpc:
		if !ok {
			return 0, nil
		}
		return r.v, nil
	}
}

// A bare mailbox, never given to a goroutine: closing its rpc to see
// what call does with a closed channel cannot meet a sender.
func callOnClosed() {
	for i := 0; i < 3; i++ {
		m := &Mailbox{errs: make(chan error, 1), rpc: make(chan reply)}
		close(m.rpc)
		_, _ = m.call()
	}
}

// Once the reader runs for this mailbox, the close can meet its send.
func callOnClosedStarted() {
	for i := 0; i < 3; i++ {
		m := &Mailbox{errs: make(chan error, 1), rpc: make(chan reply)}
		go m.reader()
		_, _ = m.call()
		close(m.rpc) // want `m.rpc closed by its receiver while another goroutine sends on it`
	}
}
