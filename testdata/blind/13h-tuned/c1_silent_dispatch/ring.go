package events

type Event struct {
	Topic string
	Data  []byte
}

type ring struct {
	items []Event
}

func (r *ring) push(e Event) { r.items = append(r.items, e) }

func (r *ring) pop() (Event, bool) {
	if len(r.items) == 0 {
		return Event{}, false
	}
	e := r.items[0]
	r.items = r.items[1:]
	return e, true
}

func (r *ring) empty() bool { return len(r.items) == 0 }
