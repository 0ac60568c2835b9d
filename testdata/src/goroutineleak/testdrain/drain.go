package testdrain

// Tracker finishes each transaction it is handed.
type Tracker struct{ done int }

func (t *Tracker) Finish(n int) { t.done += n }
