package ifflag

import "sync"

type Warmer struct {
	mu      sync.Mutex
	cond    *sync.Cond
	running bool
	keys    []string
	loaded  map[string]bool
	done    chan struct{}
}

func NewWarmer() *Warmer {
	w := &Warmer{loaded: make(map[string]bool), done: make(chan struct{})}
	w.cond = sync.NewCond(&w.mu)
	go w.loop()
	return w
}

func (w *Warmer) loop() {
	defer close(w.done)
	w.mu.Lock()
	if !w.running {
		w.cond.Wait()
	}
	w.running = true
	keys := w.keys
	w.mu.Unlock()

	for _, k := range keys {
		w.fetch(k)
	}
}

func (w *Warmer) fetch(k string) {
	w.mu.Lock()
	w.loaded[k] = true
	w.mu.Unlock()
}
