package b2_conn_pump

import (
	"io"
	"strings"
	"testing"
)

func TestPumpForwards(t *testing.T) {
	c := Dial(io.NopCloser(strings.NewReader("ping hello\nbogus\npong world\n")))
	defer c.Close()
	m := <-c.Inbox()
	if m.Kind != "ping" || m.Body != "hello" {
		t.Fatalf("got %+v", m)
	}
	m = <-c.Inbox()
	if m.Kind != "pong" {
		t.Fatalf("got %+v", m)
	}
}
