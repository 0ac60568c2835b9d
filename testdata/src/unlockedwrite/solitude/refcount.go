// Package solitude: writes made where no other goroutine can access
// the object: after its atomic reference count reached zero, or while
// a method that can succeed once sets it up before starting the
// goroutines that read it.
package solitude

import (
	"sync"
	"sync/atomic"
)

// Buffer is the seen blind case c7_silent_refcount: Release resets the
// fields only once refs reached zero, when no other holder is left.
type Buffer struct {
	refs atomic.Int32
	mu   sync.Mutex
	data []byte
	tag  string
}

var bufPool = sync.Pool{New: func() any { return new(Buffer) }}

func Get(tag string) *Buffer {
	b := bufPool.Get().(*Buffer)
	b.refs.Store(1)
	b.mu.Lock()
	b.tag = tag
	b.mu.Unlock()
	return b
}

func (b *Buffer) Retain() *Buffer {
	b.refs.Add(1)
	return b
}

func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	b.data = append(b.data, p...)
	b.mu.Unlock()
	return len(p), nil
}

func (b *Buffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]byte(nil), b.data...)
}

func (b *Buffer) Tag() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.tag
}

func (b *Buffer) Release() {
	if b.refs.Add(-1) != 0 {
		return
	}
	b.data = b.data[:0]
	b.tag = ""
	bufPool.Put(b)
}

// Frame frees itself in a helper called only when the count, a plain
// int32 decremented through sync/atomic, reached zero.
type Frame struct {
	refs    int32
	mu      sync.Mutex
	payload []byte
}

func (f *Frame) Append(p []byte) {
	f.mu.Lock()
	f.payload = append(f.payload, p...)
	f.mu.Unlock()
}

func (f *Frame) Len() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.payload)
}

func (f *Frame) Unref() {
	if atomic.AddInt32(&f.refs, -1) == 0 {
		f.free()
	}
}

func (f *Frame) free() {
	f.payload = f.payload[:0] // silent: only the last holder gets here
}

// Chunk decrements but does not test the result: other holders may
// still be writing.
type Chunk struct {
	refs atomic.Int32
	mu   sync.Mutex
	data []byte
}

func (c *Chunk) Write(p []byte) {
	c.mu.Lock()
	c.data = append(c.data, p...)
	c.mu.Unlock()
}

func (c *Chunk) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.data)
}

func (c *Chunk) Release() {
	c.refs.Add(-1)
	c.data = c.data[:0] // want `write to c.data without holding c.mu`
}

// Page resets before it knows it is the last holder.
type Page struct {
	refs atomic.Int32
	mu   sync.Mutex
	data []byte
}

func (p *Page) Write(b []byte) {
	p.mu.Lock()
	p.data = append(p.data, b...)
	p.mu.Unlock()
}

func (p *Page) Len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.data)
}

func (p *Page) Release() {
	p.data = p.data[:0] // want `write to p.data without holding p.mu`
	if p.refs.Add(-1) == 0 {
		bufPool.Put(p)
	}
}

// Slab's helper is called by the last holder and by Trim, which any
// holder may call.
type Slab struct {
	refs atomic.Int32
	mu   sync.Mutex
	data []byte
}

func (s *Slab) Write(b []byte) {
	s.mu.Lock()
	s.data = append(s.data, b...)
	s.mu.Unlock()
}

func (s *Slab) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.data)
}

func (s *Slab) Release() {
	if s.refs.Add(-1) == 0 {
		s.reset()
	}
}

func (s *Slab) Trim() { s.reset() }

func (s *Slab) reset() {
	s.data = s.data[:0] // want `write to s.data without holding s.mu`
}

// Block counts its references through a helper that returns the
// decremented count.
type Block struct {
	refs atomic.Int64
	mu   sync.Mutex
	data []byte
}

func (b *Block) unref() int64 { return b.refs.Add(-1) }

func (b *Block) Write(p []byte) {
	b.mu.Lock()
	b.data = append(b.data, p...)
	b.mu.Unlock()
}

func (b *Block) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.data)
}

func (b *Block) Release() {
	if b.unref() > 0 {
		return
	}
	b.data = b.data[:0] // silent: the count reached zero
}
