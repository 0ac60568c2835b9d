package chanmutex

// Loose is Batcher whose Dispose neither takes the lock nor sets the
// flag: a Put that holds the lock may send on the closed queue.
type Loose struct {
	lock    *mutex
	items   []any
	batches chan []any
}

func NewLoose(queue int) *Loose {
	l := &Loose{lock: newMutex(), batches: make(chan []any, queue)}
	go l.collect()
	return l
}

func (l *Loose) Put(item any) {
	l.lock.Lock()
	l.items = append(l.items, item)
	l.batches <- l.items
	l.items = nil
	l.lock.Unlock()
}

func (l *Loose) collect() {
	for batch := range l.batches {
		if len(batch) > 100 {
			close(l.batches) // want `closed by its receiver while another goroutine sends on it`
			return
		}
	}
}
