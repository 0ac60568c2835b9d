package b5_watch_events_stream

import "testing"

// watch replays the store's change log from rev onward on an unbuffered channel.
func watch(s *Store, rev int64) <-chan Event {
	ch := make(chan Event)
	go func() {
		defer close(ch)
		for _, e := range s.Since(rev) {
			ch <- e // BAD: test stops reading once it sees the Deleted event; later events block this send forever
		}
	}()
	return ch
}

func TestWatchSeesDelete(t *testing.T) {
	s := &Store{}
	s.Put("a")
	s.Put("b")
	s.Put("a")
	s.Delete("a")
	s.Put("c")
	s.Put("d")

	seen := map[EventType]int{}
	for ev := range watch(s, 0) {
		seen[ev.Type]++
		if ev.Type == Deleted {
			if ev.Key != "a" {
				t.Fatalf("deleted %q, want a", ev.Key)
			}
			if seen[Modified] != 1 {
				t.Fatalf("modified events before delete = %d, want 1", seen[Modified])
			}
			return
		}
	}
	t.Fatal("watch ended without a Deleted event")
}
