package pipeline

import "sync"

// Frame is one decoded video frame travelling between pipeline stages.
type Frame struct {
	Index int
	Pix   []byte
}

// Buffer is a bounded FIFO shared by the decode stage (producer) and a set
// of encoder goroutines (consumers).
type Buffer struct {
	mu       sync.Mutex
	notEmpty *sync.Cond
	notFull  *sync.Cond
	slots    []*Frame
	head     int
	count    int
}

func NewBuffer(size int) *Buffer {
	b := &Buffer{slots: make([]*Frame, size)}
	b.notEmpty = sync.NewCond(&b.mu)
	b.notFull = sync.NewCond(&b.mu)
	return b
}

func (b *Buffer) Put(f *Frame) {
	b.mu.Lock()
	for b.count == len(b.slots) {
		b.notFull.Wait()
	}
	b.slots[(b.head+b.count)%len(b.slots)] = f
	b.count++
	b.mu.Unlock()
	b.notEmpty.Broadcast()
}
