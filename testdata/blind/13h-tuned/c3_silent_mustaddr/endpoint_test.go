package netcfg

import (
	"testing"
	"time"
)

func TestParseEndpoint(t *testing.T) {
	e, err := ParseEndpoint(":8080")
	if err != nil {
		t.Fatal(err)
	}
	if got := e.MustAddr(); got != "localhost:8080" {
		t.Fatalf("got %q", got)
	}
}

func TestMustAddrOnBadInput(t *testing.T) {
	e, err := ParseEndpoint("db.internal:http")
	if err == nil {
		t.Fatal("expected an error for a named port")
	}

	addrs := make(chan string)
	go func() {
		defer func() { recover() }()
		a := e.MustAddr()
		addrs <- a
	}()

	select {
	case a := <-addrs:
		t.Errorf("MustAddr returned %q for an invalid endpoint", a)
	case <-time.After(20 * time.Millisecond):
	}
}
