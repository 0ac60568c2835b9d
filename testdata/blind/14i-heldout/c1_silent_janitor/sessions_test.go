package sessions

import (
	"testing"
	"time"
)

func TestEvict(t *testing.T) {
	s := NewStore(5 * time.Millisecond)
	s.Run(2 * time.Millisecond)
	s.Run(time.Millisecond)
	s.Touch("abc", "ana")
	time.Sleep(30 * time.Millisecond)
	if _, ok := s.Lookup("abc"); ok {
		t.Fatal("session should have been evicted")
	}
	s.Close()
	s.Close()
}
