// Package request: a caller hands a request to a loop and waits for the
// reply; the loop can return on ctx.Done() without taking the request.
package request

import "context"

type chunk struct {
	data []byte
	err  error
	done chan struct{}
}

type uploader struct {
	chunks chan *chunk
}

func start(ctx context.Context) *uploader {
	u := &uploader{chunks: make(chan *chunk)}
	go u.run(ctx)
	return u
}

func (u *uploader) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case c := <-u.chunks:
			c.err = put(c.data)
			close(c.done)
		}
	}
}

func put([]byte) error { return nil }

// upload blocks at the send, not at the receive of the reply: the
// loop closes c.done whenever it has taken the chunk.
func (u *uploader) upload(data []byte) error {
	c := &chunk{data: data, done: make(chan struct{})}
	u.chunks <- c // want `send on u.chunks may block forever: the goroutine that receives from it can return first`
	<-c.done
	return c.err
}

type answer struct {
	err  error
	done chan struct{}
}

type server struct {
	reqs chan *answer
}

func newServer(ctx context.Context) *server {
	s := &server{reqs: make(chan *answer)}
	go s.serve(ctx)
	return s
}

// serve always takes the request, but can return without answering it:
// the caller then blocks at its receive.
func (s *server) serve(ctx context.Context) {
	for a := range s.reqs {
		if ctx.Err() != nil {
			return
		}
		close(a.done)
	}
}

func (s *server) ask() error {
	a := &answer{done: make(chan struct{})}
	s.reqs <- a
	<-a.done // want `receive from a.done may block forever: the goroutine that sends on it can return without sending`
	return a.err
}
