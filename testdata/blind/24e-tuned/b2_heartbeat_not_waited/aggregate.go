// Package b2_heartbeat_not_waited summarises a stream of worker events.
package b2_heartbeat_not_waited

// Event is emitted by a worker or by the supervisor heartbeat.
type Event struct {
	Worker int
	Kind   string // "done", "failed" or "heartbeat"
}

// Summary counts events by kind.
type Summary struct {
	Done       int
	Failed     int
	Heartbeats int
}

// Aggregate drains events until the channel is closed.
func Aggregate(events <-chan Event) Summary {
	var s Summary
	for ev := range events {
		switch ev.Kind {
		case "done":
			s.Done++
		case "failed":
			s.Failed++
		case "heartbeat":
			s.Heartbeats++
		}
	}
	return s
}
