package wg_silent_readyrun

import (
	"context"
	"testing"
)

func TestGatewayDrainsOnCancel(t *testing.T) {
	g := &Gateway{Workers: 4, In: make(chan []byte)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	ready := make(chan struct{})
	go g.Run(ctx, ready)
	<-ready

	for i := 0; i < 10; i++ {
		g.In <- []byte("ping")
	}

	cancel()
	g.wg.Wait()

	if got := g.handled.Load(); got != 10 {
		t.Fatalf("handled %d messages, want 10", got)
	}
}
