package ifflag

func (w *Warmer) Warm(keys []string) int {
	w.mu.Lock()
	w.keys = append(w.keys, keys...)
	w.cond.Signal()
	w.mu.Unlock()

	<-w.done

	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.loaded)
}
