package g1_cancel_reader

import (
	"context"
	"errors"
	"io"
	"testing"
)

type blockingBody struct{ closed chan struct{} }

func (b *blockingBody) Read([]byte) (int, error) {
	<-b.closed
	return 0, io.ErrClosedPipe
}

func (b *blockingBody) Close() error {
	select {
	case <-b.closed:
	default:
		close(b.closed)
	}
	return nil
}

func TestCancelUnblocksRead(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	body := &blockingBody{closed: make(chan struct{})}
	rc := NewCancelReadCloser(ctx, body)
	cancel()
	_, err := rc.Read(make([]byte, 8))
	if !errors.Is(err, context.Canceled) && !errors.Is(err, io.ErrClosedPipe) {
		t.Fatalf("unexpected error %v", err)
	}
	rc.Close()
}
