// Package g3_bench_own_pipe checksums chunks streamed through a pipe.
package g3_bench_own_pipe

import (
	"hash/crc32"
	"sync"
)

type chunkPipe struct {
	chunks chan []byte
	wg     sync.WaitGroup
}

func newChunkPipe(buf int) *chunkPipe {
	return &chunkPipe{chunks: make(chan []byte, buf)}
}

// feed sends data split into size-byte chunks from a tracked goroutine.
func (p *chunkPipe) feed(data []byte, size int) {
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		for len(data) > 0 {
			n := min(size, len(data))
			p.chunks <- data[:n]
			data = data[n:]
		}
	}()
}

// Checksum folds every chunk received from in into a CRC32 until in is closed.
func Checksum(in <-chan []byte) uint32 {
	var sum uint32
	for c := range in {
		sum = crc32.Update(sum, crc32.IEEETable, c)
	}
	return sum
}
