// Class 7, SILENT: Release resets data and tag without b.mu only after refs.Add(-1) reached zero, when no other holder of the buffer is left to read them, before putting it back in the pool.
package c7_silent_refcount

import (
	"sync"
	"sync/atomic"
)

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
