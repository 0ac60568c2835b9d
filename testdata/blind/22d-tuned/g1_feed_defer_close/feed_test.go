package g1_feed_defer_close

import (
	"context"
	"testing"
	"time"
)

type staticFetcher []Item

func (f staticFetcher) Fetch(context.Context) ([]Item, error) { return f, nil }

func TestSubscription(t *testing.T) {
	s := Subscribe(staticFetcher{{GUID: "1", Title: "one"}, {GUID: "2", Title: "two"}}, time.Millisecond)
	got := <-s.Updates()
	if got.GUID != "1" {
		t.Fatalf("got %+v", got)
	}
	s.Close()
	s.Close()
	for range s.Updates() {
	}
}
