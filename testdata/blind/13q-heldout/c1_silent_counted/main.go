package main

import (
	"fmt"
	"hash/crc32"
	"sync"
)

const chunkSize = 4

// chunker splits a payload into fixed-size chunks and reports the
// checksum of each one on sums.
func chunker(payload []byte, sums chan<- uint32) {
	n := (len(payload) + chunkSize - 1) / chunkSize
	for i := 0; i < n; i++ {
		end := min((i+1)*chunkSize, len(payload))
		sums <- crc32.ChecksumIEEE(payload[i*chunkSize : end])
	}
}

// manifest collects checksum lines written by the uploader.
type manifest struct {
	mu    sync.Mutex
	lines []string
}

func (m *manifest) writer(in <-chan string, done chan<- struct{}) {
	for l := range in {
		m.mu.Lock()
		m.lines = append(m.lines, l)
		m.mu.Unlock()
	}
	close(done)
}

func upload(payload []byte) []string {
	m := &manifest{}
	sums := make(chan uint32)
	lines := make(chan string)
	done := make(chan struct{})

	go m.writer(lines, done)
	go chunker(payload, sums)

	chunks := (len(payload) + chunkSize - 1) / chunkSize
	var total uint32
	for i := 0; i < chunks; i++ {
		s := <-sums
		total ^= s
		lines <- fmt.Sprintf("chunk %03d %08x", i, s)
	}
	close(sums)
	lines <- fmt.Sprintf("total     %08x", total)
	close(lines)
	<-done

	m.mu.Lock()
	defer m.mu.Unlock()
	return m.lines
}

func main() {
	for _, l := range upload([]byte("the quick brown fox jumps over the lazy dog")) {
		fmt.Println(l)
	}
}
