package testfail

import (
	"context"
	"testing"
	"time"

	"example.com/assert"
)

// Silent: the test returns before receiving only on the false side of
// an assertion (another package's, known by its fact).
func TestAssertReturn(t *testing.T) {
	rcvd := make(chan struct{})
	go func() {
		rcvd <- struct{}{}
	}()
	if !assert.NoError(t, work()) {
		return
	}
	<-rcvd
}

// Silent: the only other way out is a time-out case that fails the
// test with a helper that always reports.
func TestTimeout(t *testing.T) {
	written := make(chan int)
	go func() {
		written <- 1
	}()
	select {
	case n := <-written:
		assert.Equal(t, 1, n)
	case <-time.After(time.Second):
		assert.Fail(t, "writer not released")
	}
}

// Silent: t.Errorf, then return.
func TestErrorf(t *testing.T) {
	res := make(chan error)
	go func() {
		res <- serve()
	}()
	if err := work(); err != nil {
		t.Errorf("work: %v", err)
		return
	}
	<-res
}

// Reported: the passing path returns on the wait's Done case without
// receiving.
func TestStaysUp(t *testing.T) {
	serveErr := make(chan error) // want `goroutine leak: the send on unbuffered channel serveErr blocks forever once the receiver returns without receiving`
	go func() {
		serveErr <- serve()
	}()
	wait, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	select {
	case err := <-serveErr:
		t.Fatalf("Serve returned early: %v", err)
	case <-wait.Done():
		return
	}
}

// Reported: a false result that reports nothing, and a t.Logf.
func TestNoReport(t *testing.T) {
	a := make(chan error) // want `goroutine leak: the send on unbuffered channel a blocks forever`
	go func() {
		a <- serve()
	}()
	if !assert.Quiet(t, work()) {
		return
	}
	<-a
}

func TestLogf(t *testing.T) {
	b := make(chan error) // want `goroutine leak: the send on unbuffered channel b blocks forever`
	go func() {
		b <- serve()
	}()
	if err := work(); err != nil {
		t.Logf("work: %v", err)
		return
	}
	<-b
}
