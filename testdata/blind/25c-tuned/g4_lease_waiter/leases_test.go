package g4_lease_waiter

import (
	"testing"
	"time"
)

func TestAwaitLease(t *testing.T) {
	m := NewManager()
	done := make(chan error, 1)
	go func() {
		done <- m.AwaitLease("db-primary", "node-b", time.Second, func() {})
	}()
	m.Grant("cache", "node-a")
	m.Grant("db-primary", "node-a")
	m.Revoke("db-primary")
	m.Grant("db-primary", "node-b")
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestAwaitLeaseTimeout(t *testing.T) {
	m := NewManager()
	err := m.AwaitLease("db-primary", "node-b", 20*time.Millisecond, func() {})
	if err != ErrTimeout {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
}
