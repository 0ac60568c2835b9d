package g1_state_notifier

import "testing"

func TestSetWakesWatchersEachTime(t *testing.T) {
	n := NewNotifier()
	_, ch1 := n.Watch()
	n.Set(Healthy)
	<-ch1
	_, ch2 := n.Watch()
	n.Set(Healthy)
	<-ch2
	if s, _ := n.Watch(); s != Healthy {
		t.Fatalf("state = %v, want Healthy", s)
	}
}
