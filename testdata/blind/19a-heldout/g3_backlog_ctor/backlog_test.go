package g3_backlog_ctor

import (
	"sync"
	"testing"
	"time"
)

func TestBacklogOrder(t *testing.T) {
	now := time.Now().Add(-time.Minute)
	var mu sync.Mutex
	var got []string
	d := NewDispatcher(
		[]Task{{ID: "b", Due: now.Add(2 * time.Second)}, {ID: "a", Due: now.Add(time.Second)}},
		[]Task{{ID: "c", Due: now.Add(3 * time.Second)}},
		func(t Task) { mu.Lock(); got = append(got, t.ID); mu.Unlock() },
	)
	time.Sleep(100 * time.Millisecond)
	d.Stop()
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 3 || got[0] != "a" || got[2] != "c" {
		t.Fatalf("got %v", got)
	}
}
