package a

import (
	"context"
	"time"
)

// --- bad ---

// worker keeps its cancel function in a field that nothing reads.
type worker struct {
	ctx    context.Context
	cancel context.CancelFunc
	stopFn func()
}

func newWorker(parent context.Context) *worker {
	w := &worker{}
	w.ctx, w.cancel = context.WithCancel(parent) // want `the cancel function returned by context.WithCancel is never called`
	return w
}

func (w *worker) startLocal(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want `the cancel function returned by context.WithTimeout is never called`
	w.stopFn = cancel
	return work(ctx)
}

// Reading a field only to compare it with nil does not call it.
func (w *worker) running() bool { return w.cancel != nil && w.stopFn != nil }

// --- good ---

// service's cancel field is called by Stop.
type service struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func newService(parent context.Context) *service {
	s := &service{}
	s.ctx, s.cancel = context.WithCancel(parent)
	return s
}

func (s *service) Stop() { s.cancel() }

// A composite literal stores it in the same read field.
func newServiceLit(parent context.Context) *service {
	ctx, cancel := context.WithCancel(parent)
	return &service{ctx: ctx, cancel: cancel}
}

// Exported fields may be called by other packages.
type Handle struct {
	Cancel context.CancelFunc
}

func NewHandle(parent context.Context) (*Handle, context.Context) {
	ctx, cancel := context.WithCancel(parent)
	return &Handle{Cancel: cancel}, ctx
}

// getter: the field escapes through a method result.
type job struct{ cancel func() }

func (j *job) canceller() func() { return j.cancel }

func newJob(parent context.Context) (*job, context.Context) {
	ctx, cancel := context.WithCancel(parent)
	return &job{cancel: cancel}, ctx
}

// Package variables, maps and slices: held somewhere we cannot follow.
var globalCancel context.CancelFunc

func storeGlobal(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	globalCancel = cancel
	return ctx
}

type registry struct {
	cancels map[string]context.CancelFunc
	list    []context.CancelFunc
}

func (r *registry) add(parent context.Context, name string) context.Context {
	ctx, cancel := context.WithCancel(parent)
	r.cancels[name] = cancel
	ctx2, cancel2 := context.WithCancel(ctx)
	r.list = append(r.list, cancel2)
	return ctx2
}

// A field read by a struct copy, in a generic type.
type holder[T any] struct {
	val    T
	cancel context.CancelFunc
}

func (h holder[T]) release() { h.cancel() }

func newHolder[T any](parent context.Context, v T) (holder[T], context.Context) {
	ctx, cancel := context.WithCancel(parent)
	return holder[T]{val: v, cancel: cancel}, ctx
}
