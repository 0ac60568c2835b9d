package cases

import (
	"context"
	"testing"
)

// A command that must never return, to test a timeout: the channel is
// made only to be waited on. Silent.
func TestTimeout(t *testing.T) {
	errs := goC(context.Background(), func(ctx context.Context) error {
		c := make(chan struct{})
		<-c
		return nil
	})
	<-errs
}

// A channel of values that nothing sends on: someone meant to.
func TestNoReply(t *testing.T) {
	errs := goC(context.Background(), func(ctx context.Context) error {
		c := make(chan int)
		<-c // want `receive from c blocks forever: no other goroutine can send on or close it`
		return nil
	})
	<-errs
}
