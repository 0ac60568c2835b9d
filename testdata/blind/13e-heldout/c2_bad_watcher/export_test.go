package watcher

func (w *Watcher) SetSource(s source) { w.src = s }
