package b1_status_listen

import (
	"strings"
	"testing"
)

func TestListenForwardsEvents(t *testing.T) {
	mon := NewMonitor()
	r := strings.NewReader(`{"host":"db1","status":"up"}` + "\n")
	events := make(chan Event)
	errs := make(chan error)

	mon.listen(r, events, errs) // BAD: listen sends the decoded event on unbuffered events, only this goroutine would receive it

	select {
	case ev := <-events:
		if ev.Host != "db1" || ev.Status != "up" {
			t.Fatalf("got %+v", ev)
		}
	case err := <-errs:
		t.Fatalf("unexpected error: %v", err)
	}
	if s, ok := mon.Status("db1"); !ok || s != "up" {
		t.Fatalf("status = %q, %v", s, ok)
	}
}

func TestListenReportsMalformedLine(t *testing.T) {
	mon := NewMonitor()
	r := strings.NewReader("not-json\n")
	events := make(chan Event)
	errs := make(chan error)

	go mon.listen(r, events, errs)

	err, ok := <-errs
	if !ok || err == nil {
		t.Fatal("expected an error for malformed input")
	}
	if _, ok := <-events; ok {
		t.Fatal("events should be closed")
	}
}
