package selectdone

import "sync"

type Quote struct {
	Symbol string
	Price  float64
}

type Watcher struct {
	symbol string
	ch     chan Quote
	gone   chan struct{}
	once   sync.Once
}

func (w *Watcher) C() <-chan Quote { return w.ch }

func (w *Watcher) Unwatch() {
	w.once.Do(func() { close(w.gone) })
}

func (w *Watcher) offer(q Quote) bool {
	select {
	case w.ch <- q:
		return true
	case <-w.gone:
		return false
	}
}

type Feed struct {
	mu       sync.Mutex
	watchers map[string][]*Watcher
}

func NewFeed() *Feed {
	return &Feed{watchers: make(map[string][]*Watcher)}
}

func (f *Feed) Watch(symbol string) *Watcher {
	w := &Watcher{symbol: symbol, ch: make(chan Quote, 4), gone: make(chan struct{})}
	f.mu.Lock()
	f.watchers[symbol] = append(f.watchers[symbol], w)
	f.mu.Unlock()
	return w
}

func (f *Feed) Publish(q Quote) {
	f.mu.Lock()
	ws := append([]*Watcher(nil), f.watchers[q.Symbol]...)
	f.mu.Unlock()

	var live []*Watcher
	for _, w := range ws {
		if w.offer(q) {
			live = append(live, w)
		}
	}
	if len(live) != len(ws) {
		f.prune(q.Symbol)
	}
}

func (f *Feed) prune(symbol string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	keep := f.watchers[symbol][:0]
	for _, w := range f.watchers[symbol] {
		select {
		case <-w.gone:
		default:
			keep = append(keep, w)
		}
	}
	f.watchers[symbol] = keep
}
