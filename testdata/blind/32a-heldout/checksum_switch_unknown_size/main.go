// GOOD: checksumJob is created per call by Checksum and run once; the unlocked updates of
// c.sum and c.read are on the switch cases that read the input sequentially on the calling
// goroutine, while the parallel case only touches them under c.mu and waits for every worker.
package main

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"sync"
)

const chunkSize = 4096

type checksumJob struct {
	mu   sync.Mutex
	src  io.Reader
	size int64
	sum  uint32 // XOR of per-chunk CRCs, order independent
	read int64
	err  error
}

func (c *checksumJob) addChunk(data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sum ^= crc32.ChecksumIEEE(data)
	c.read += int64(len(data))
}

func (c *checksumJob) run() {
	ra, seekable := c.src.(io.ReaderAt)
	switch {
	case c.size < 0 || !seekable:
		// Unknown length or stream only: read chunk by chunk here.
		buf := make([]byte, chunkSize)
		for {
			n, err := io.ReadFull(c.src, buf)
			if n > 0 {
				c.sum ^= crc32.ChecksumIEEE(buf[:n])
				c.read += int64(n)
			}
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				return
			}
			if err != nil {
				c.err = err
				return
			}
		}
	default:
		var wg sync.WaitGroup
		for off := int64(0); off < c.size; off += chunkSize {
			wg.Add(1)
			go func(off int64) {
				defer wg.Done()
				buf := make([]byte, min(chunkSize, c.size-off))
				n, err := ra.ReadAt(buf, off)
				if err != nil && err != io.EOF {
					c.mu.Lock()
					c.err = err
					c.mu.Unlock()
					return
				}
				c.addChunk(buf[:n])
			}(off)
		}
		wg.Wait()
	}
}

// Checksum returns a chunked CRC of src; size < 0 means the length is unknown.
func Checksum(src io.Reader, size int64) (uint32, int64, error) {
	c := &checksumJob{src: src, size: size}
	c.run()
	return c.sum, c.read, c.err
}

func main() {
	data := bytes.Repeat([]byte("lorem ipsum dolor sit amet "), 1000)
	a, n1, _ := Checksum(bytes.NewReader(data), int64(len(data)))
	b, n2, _ := Checksum(io.MultiReader(strings.NewReader(string(data))), -1)
	fmt.Printf("parallel=%08x (%d bytes) stream=%08x (%d bytes) equal=%v\n", a, n1, b, n2, a == b)
}
