// Package chunkstore hands out pooled read buffers to concurrent decoders.
// A chunk starts with a reference count of zero meaning "one holder"; the
// holder that drives the count to -1 returns it to the pool.
package chunkstore

import (
	"sync"
	"sync/atomic"
)

// Releaser is implemented by anything that can drop a reference.
type Releaser interface {
	Release()
}

type Chunk struct {
	extra  int32 // holders beyond the first
	seq    uint64
	buf    []byte
	origin string
}

var chunkPool = sync.Pool{New: func() any { return &Chunk{buf: make([]byte, 0, 4096)} }}

// Load fills a fresh chunk before anyone else can see it.
func Load(seq uint64, origin string, payload []byte) *Chunk {
	c := chunkPool.Get().(*Chunk)
	c.extra = 0
	c.seq = seq
	c.origin = origin
	c.buf = append(c.buf[:0], payload...)
	return c
}

func (c *Chunk) Bytes() []byte  { return c.buf }
func (c *Chunk) Seq() uint64    { return c.seq }
func (c *Chunk) Origin() string { return c.origin }

// Share adds a holder.
func (c *Chunk) Share() *Chunk {
	atomic.AddInt32(&c.extra, 1)
	return c
}

func (c *Chunk) Release() {
	if atomic.AddInt32(&c.extra, -1) == -1 {
		c.free()
	}
}

func (c *Chunk) free() {
	c.buf = c.buf[:0]
	c.origin = ""
	c.seq = 0
	chunkPool.Put(c)
}

// ref wraps a chunk so callers can defer a single Done.
type ref struct {
	r    Releaser
	done atomic.Bool
}

func (r *ref) Done() {
	if r.done.CompareAndSwap(false, true) {
		r.r.Release()
	}
}

// Decode runs every decoder over the chunk concurrently and returns the
// total number of bytes they consumed.
func Decode(c *Chunk, decoders []func(seq uint64, p []byte) int) int {
	var total atomic.Int64
	var wg sync.WaitGroup
	for _, dec := range decoders {
		held := &ref{r: c.Share()}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer held.Done()
			total.Add(int64(dec(c.Seq(), c.Bytes())))
		}()
	}
	owner := &ref{r: c}
	owner.Done()
	wg.Wait()
	return int(total.Load())
}
