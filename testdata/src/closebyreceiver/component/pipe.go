package component

import "context"

// An in-process stream pair (etcd's grpcproxy adapter): two instances
// of one struct type, each with a send channel the other receives
// from.
type stream struct {
	recvc <-chan any
	sendc chan<- any
	ctx   context.Context
}

func (s *stream) Send(m any) error {
	select {
	case s.sendc <- m:
		return nil
	case <-s.ctx.Done():
		return s.ctx.Err()
	}
}

type ClientStream struct{ *stream }

func (c *ClientStream) CloseSend() { close(c.stream.sendc) }

type ServerStream struct{ *stream }

// Silent: the goroutine sends on the server stream's sendc; CloseSend
// closes the client stream's, another channel: the server stream is
// made here and handed only to the handler, never to the client.
func Pipe(ctx context.Context, handle func(ServerStream) error) ClientStream {
	ch1, ch2 := make(chan any, 1), make(chan any)
	cli := &stream{recvc: ch1, sendc: ch2, ctx: ctx}
	srv := &stream{recvc: ch2, sendc: ch1, ctx: ctx}
	go func() {
		if err := handle(ServerStream{srv}); err != nil {
			select {
			case srv.sendc <- err:
			case <-ctx.Done():
			}
		}
	}()
	return ClientStream{cli}
}

// A second stream type for the bad case: the field model names a
// channel field by its struct type, so a bad use of stream itself
// would also be a sender for ClientStream.CloseSend.
type link struct {
	recvc <-chan any
	sendc chan<- any
	ctx   context.Context
}

type Uplink struct{ *link }

func (u *Uplink) CloseSend() {
	close(u.link.sendc) // want `u.link.sendc closed while another goroutine may still send on it`
}

// Bad: the goroutine sends the handler's error on the link it hands
// back; CloseSend on that link may close it first, and the send
// panics.
func Dial(ctx context.Context, handle func(*link) error) Uplink {
	ch1, ch2 := make(chan any, 1), make(chan any)
	up := &link{recvc: ch1, sendc: ch2, ctx: ctx}
	down := &link{recvc: ch2, sendc: ch1, ctx: ctx}
	go func() {
		if err := handle(down); err != nil {
			select {
			case up.sendc <- err:
			case <-ctx.Done():
			}
		}
	}()
	return Uplink{up}
}
