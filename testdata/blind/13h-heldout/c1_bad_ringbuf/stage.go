package pipeline

import (
	"bytes"
	"compress/gzip"
	"sync"
)

func (b *Buffer) take() *Frame {
	b.mu.Lock()
	if b.count == 0 {
		b.notEmpty.Wait()
	}
	f := b.slots[b.head]
	b.slots[b.head] = nil
	b.head = (b.head + 1) % len(b.slots)
	b.count--
	b.mu.Unlock()
	b.notFull.Signal()
	return f
}

// Encode runs n encoder goroutines that compress frames from in and hand the
// results to sink until a frame with a negative index arrives.
func Encode(in *Buffer, n int, sink func(idx int, data []byte)) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				f := in.take()
				if f.Index < 0 {
					in.Put(f)
					return
				}
				var buf bytes.Buffer
				zw := gzip.NewWriter(&buf)
				zw.Write(f.Pix)
				zw.Close()
				sink(f.Index, buf.Bytes())
			}
		}()
	}
	wg.Wait()
}
