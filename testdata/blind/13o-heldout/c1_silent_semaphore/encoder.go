// Package framer encodes payloads into length-prefixed frames from a pool of
// encoder goroutines that share one output buffer and frame counter.
package framer

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"sync"
)

// Writer is a frame writer shared by several encoders. The sem channel has
// capacity one; holding its slot grants exclusive use of buf and seq.
type Writer struct {
	sem    chan struct{}
	buf    bytes.Buffer
	seq    uint32
	frames int
}

// NewWriter returns a Writer ready for use.
func NewWriter() *Writer {
	return &Writer{sem: make(chan struct{}, 1)}
}

func (w *Writer) acquire() { w.sem <- struct{}{} }
func (w *Writer) release() { <-w.sem }

// WriteFrame appends one frame: seq, length, crc, payload.
func (w *Writer) WriteFrame(payload []byte) uint32 {
	var hdr [12]byte
	sum := crc32.ChecksumIEEE(payload)

	w.acquire()
	seq := w.seq
	w.seq++
	binary.BigEndian.PutUint32(hdr[0:4], seq)
	binary.BigEndian.PutUint32(hdr[4:8], uint32(len(payload)))
	binary.BigEndian.PutUint32(hdr[8:12], sum)
	w.buf.Write(hdr[:])
	w.buf.Write(payload)
	w.frames++
	w.release()

	return seq
}

// EncodeAll splits jobs across workers encoders and returns the output stream
// and the number of frames written.
func EncodeAll(jobs [][]byte, workers int) ([]byte, int) {
	w := NewWriter()
	w.buf.Grow(64 * len(jobs))

	ch := make(chan []byte)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range ch {
				w.WriteFrame(p)
			}
		}()
	}
	for _, j := range jobs {
		ch <- j
	}
	close(ch)
	wg.Wait()

	return w.buf.Bytes(), w.frames
}
