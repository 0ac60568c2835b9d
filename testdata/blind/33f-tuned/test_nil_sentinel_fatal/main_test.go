package main

import (
	"errors"
	"net"
	"testing"
	"time"
)

// recvTimeout returns the error received on ch, or nil if nothing arrives within d.
func recvTimeout(ch chan error, d time.Duration) error {
	select {
	case err := <-ch:
		return err
	case <-time.After(d):
		return nil
	}
}

func TestCheckReportsClosedPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	u := Upstream{Addr: addr, Timeout: 500 * time.Millisecond}
	errc := make(chan error)
	go func() {
		err := u.Check()
		if err == nil {
			err = errors.New("Check unexpectedly succeeded")
		}
		errc <- err
	}()

	err = recvTimeout(errc, 2*time.Second)
	if err == nil {
		t.Fatal("timed out waiting for Check")
	}
	if !errors.Is(err, ErrUnreachable) {
		t.Errorf("Check() = %v, want ErrUnreachable", err)
	}
}
