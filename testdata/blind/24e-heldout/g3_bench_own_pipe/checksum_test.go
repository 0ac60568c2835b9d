// Correct: the test and both benchmarks each make their own chunkPipe and close its channel only after its feeders finished (wg.Wait) or every sent chunk was received.
package g3_bench_own_pipe

import (
	"bytes"
	"hash/crc32"
	"testing"
)

func TestChecksumMatchesDirect(t *testing.T) {
	t.Parallel()
	data := bytes.Repeat([]byte("0123456789"), 100)
	p := newChunkPipe(4)
	p.feed(data, 64)
	go func() {
		p.wg.Wait()
		close(p.chunks)
	}()
	if got, want := Checksum(p.chunks), crc32.ChecksumIEEE(data); got != want {
		t.Fatalf("got %08x, want %08x", got, want)
	}
}

func BenchmarkChecksumPipe(b *testing.B) {
	data := bytes.Repeat([]byte{0xab}, 1<<16)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		p := newChunkPipe(16)
		p.feed(data, 4096)
		done := make(chan uint32)
		go func() { done <- Checksum(p.chunks) }()
		p.wg.Wait()
		close(p.chunks)
		<-done
	}
}

func BenchmarkChecksumParallel(b *testing.B) {
	data := bytes.Repeat([]byte{0x5a}, 1<<12)
	b.RunParallel(func(pb *testing.PB) {
		p := newChunkPipe(1)
		for pb.Next() {
			p.feed(data, 1024)
			sum := uint32(0)
			for i := 0; i < 4; i++ { // feed sends exactly 4 chunks of 1024 bytes
				sum = crc32.Update(sum, crc32.IEEETable, <-p.chunks)
			}
			_ = sum
		}
		p.wg.Wait()
		close(p.chunks)
	})
}
