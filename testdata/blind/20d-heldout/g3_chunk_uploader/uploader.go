// Correct: the reader goroutine is the only sender on u.chunks and closes it itself when it returns; Close only signals stop and waits for the writers.
package g3_chunk_uploader

import (
	"errors"
	"io"
	"sync"
)

type Chunk struct {
	Offset int64
	Data   []byte
}

// PartWriter stores one chunk of an object, e.g. a multipart upload part.
type PartWriter interface {
	WritePart(c Chunk) error
}

// Uploader splits a stream into chunks and writes them in parallel.
type Uploader struct {
	chunks  chan Chunk
	stop    chan struct{}
	once    sync.Once
	writers sync.WaitGroup

	mu  sync.Mutex
	err error
}

func NewUploader(src io.Reader, dst PartWriter, chunkSize, parallel int) *Uploader {
	u := &Uploader{
		chunks: make(chan Chunk, parallel),
		stop:   make(chan struct{}),
	}
	go u.read(src, chunkSize)
	for i := 0; i < parallel; i++ {
		u.writers.Add(1)
		go u.write(dst)
	}
	return u
}

func (u *Uploader) read(src io.Reader, size int) {
	defer close(u.chunks)
	var off int64
	for {
		buf := make([]byte, size)
		n, err := io.ReadFull(src, buf)
		if n > 0 {
			select {
			case u.chunks <- Chunk{Offset: off, Data: buf[:n]}:
				off += int64(n)
			case <-u.stop:
				return
			}
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return
		}
		if err != nil {
			u.setErr(err)
			return
		}
	}
}

func (u *Uploader) write(dst PartWriter) {
	defer u.writers.Done()
	for c := range u.chunks {
		if err := dst.WritePart(c); err != nil {
			u.setErr(err)
			u.Abort()
		}
	}
}

func (u *Uploader) setErr(err error) {
	u.mu.Lock()
	if u.err == nil {
		u.err = err
	}
	u.mu.Unlock()
}

// Abort asks the reader to stop producing chunks.
func (u *Uploader) Abort() { u.once.Do(func() { close(u.stop) }) }

// Wait blocks until every chunk has been written or the upload failed.
func (u *Uploader) Wait() error {
	u.writers.Wait()
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.err
}

// Close aborts the upload if still running and waits for the writers.
func (u *Uploader) Close() error {
	u.Abort()
	return u.Wait()
}
