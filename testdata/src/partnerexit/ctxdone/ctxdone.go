// A goroutine waiting for ctx.Done() of a context nothing cancels
// before it: the parent is context.Background, and the cancel function
// kept in a field is called only by the waiter itself, after the wait,
// or by code nothing calls. And near-misses that stay silent.
package ctxdone

import "context"

type rows struct {
	cancel context.CancelFunc
}

func (rs *rows) initContextClose(ctx context.Context) {
	ctx, rs.cancel = context.WithCancel(ctx)
	go rs.awaitDone(ctx)
}

func (rs *rows) awaitDone(ctx context.Context) {
	<-ctx.Done() // want `receive from ctx.Done\(\) blocks forever: the context's parent is never done, and its cancel function, kept in field cancel, is called only after this receive or by code nothing runs`
	rs.close(ctx.Err())
}

func (rs *rows) close(err error) {
	rs.cancel()
}

func Query() {
	rs := &rows{}
	rs.initContextClose(context.Background())
}

// A transaction whose rollback, the only cancel, nothing calls.

type tx struct {
	cancel context.CancelFunc
	ctx    context.Context
}

func begin(ctx context.Context) *tx {
	ctx, cancel := context.WithCancel(ctx)
	t := &tx{cancel: cancel, ctx: ctx}
	go t.awaitDone()
	return t
}

func (t *tx) awaitDone() {
	<-t.ctx.Done() // want `receive from ctx.Done\(\) blocks forever: .*kept in field cancel`
}

func (t *tx) rollback() {
	t.cancel()
}

func Run() {
	begin(context.TODO())
}

// Silent: the rollback is called.

type conn struct {
	cancel context.CancelFunc
	ctx    context.Context
}

func open(ctx context.Context) *conn {
	ctx, cancel := context.WithCancel(ctx)
	c := &conn{cancel: cancel, ctx: ctx}
	go c.awaitDone()
	return c
}

func (c *conn) awaitDone() {
	<-c.ctx.Done()
}

func (c *conn) close() { c.cancel() }

func UseConn() {
	c := open(context.Background())
	c.close()
}

// Silent: the parent is the caller's context, which may be done.

type stream struct {
	cancel context.CancelFunc
}

func (s *stream) start(ctx context.Context) {
	ctx, s.cancel = context.WithCancel(ctx)
	go s.watch(ctx)
}

func (s *stream) watch(ctx context.Context) {
	<-ctx.Done()
	s.cancel()
}

func Serve(ctx context.Context) {
	s := &stream{}
	s.start(ctx)
}

// Silent: an exported method may be called by the package's users.

type Session struct {
	cancel context.CancelFunc
	ctx    context.Context
}

func newSession() *Session {
	ctx, cancel := context.WithCancel(context.Background())
	s := &Session{cancel: cancel, ctx: ctx}
	go s.awaitDone()
	return s
}

func (s *Session) awaitDone() { <-s.ctx.Done() }

func (s *Session) Close() { s.cancel() }

var _ = newSession
