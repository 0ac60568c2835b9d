package b4_upload_batch

import (
	"errors"
	"fmt"
	"sync"
)

// Blob is one object waiting to be uploaded.
type Blob struct {
	Key  string
	Data []byte
}

// Bucket is the remote object store.
type Bucket interface {
	Put(key string, data []byte) error
}

// Uploader buffers blobs and uploads them in parallel on Flush.
type Uploader struct {
	sync.Mutex
	bucket  Bucket
	pending []Blob
	failed  []error
	bytes   int64
}

// NewUploader returns an uploader writing to b.
func NewUploader(b Bucket) *Uploader {
	return &Uploader{bucket: b}
}

// Add queues a blob for the next Flush.
func (u *Uploader) Add(key string, data []byte) {
	u.Lock()
	u.pending = append(u.pending, Blob{Key: key, Data: data})
	u.Unlock()
}

func (u *Uploader) upload(b Blob, wg *sync.WaitGroup) {
	err := u.bucket.Put(b.Key, b.Data)
	u.Lock()
	if err != nil {
		u.failed = append(u.failed, fmt.Errorf("upload %s: %w", b.Key, err))
	} else {
		u.bytes += int64(len(b.Data))
	}
	u.Unlock()
	wg.Done()
}

// Flush uploads everything queued so far and reports the combined error.
func (u *Uploader) Flush() error {
	u.Lock()
	defer u.Unlock()
	if len(u.pending) == 0 {
		return nil
	}
	var wg sync.WaitGroup
	wg.Add(len(u.pending))
	for _, b := range u.pending {
		go u.upload(b, &wg)
	}
	wg.Wait() // BAD: Flush holds the embedded mutex while each upload goroutine needs it before wg.Done
	u.pending = u.pending[:0]
	err := errors.Join(u.failed...)
	u.failed = nil
	return err
}

// Uploaded returns the number of bytes successfully stored.
func (u *Uploader) Uploaded() int64 {
	u.Lock()
	defer u.Unlock()
	return u.bytes
}
