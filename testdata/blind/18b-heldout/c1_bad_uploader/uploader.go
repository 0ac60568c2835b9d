package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

// Part is one chunk of a multipart upload.
type Part struct {
	Number int
	Data   []byte
}

// blobStore pretends to be a remote object store.
type blobStore struct {
	calls atomic.Int64
}

func (s *blobStore) PutPart(key string, p Part) (string, error) {
	s.calls.Add(1)
	time.Sleep(time.Millisecond)
	return fmt.Sprintf("%s-etag-%d", key, p.Number), nil
}

// MultipartUploader uploads parts in the background while the caller keeps
// producing data. At most maxInFlight parts are outstanding.
type MultipartUploader struct {
	store    *blobStore
	key      string
	inflight chan struct{}

	uploaded int
	lastETag string
	failed   error
}

const maxInFlight = 2

func NewMultipartUploader(store *blobStore, key string) *MultipartUploader {
	return &MultipartUploader{
		store:    store,
		key:      key,
		inflight: make(chan struct{}, maxInFlight),
	}
}

// Upload queues a part; it blocks while too many parts are still in flight.
func (u *MultipartUploader) Upload(p Part) {
	u.inflight <- struct{}{}
	go func() {
		defer func() { <-u.inflight }()
		etag, err := u.store.PutPart(u.key, p)
		if err != nil {
			u.failed = err
			return
		}
		u.uploaded += len(p.Data)
		u.lastETag = etag
	}()
}

// Complete waits for the outstanding upload and returns the summary.
func (u *MultipartUploader) Complete() (int, string, error) {
	u.inflight <- struct{}{}
	defer func() { <-u.inflight }()
	return u.uploaded, u.lastETag, u.failed
}

func main() {
	store := &blobStore{}
	up := NewMultipartUploader(store, "backups/2024-06-01.tar")
	for i := 1; i <= 6; i++ {
		data := make([]byte, 1024*i)
		up.Upload(Part{Number: i, Data: data})
	}
	n, etag, err := up.Complete()
	if err != nil {
		fmt.Println("upload failed:", err)
		return
	}
	fmt.Printf("uploaded %d bytes in %d calls, last etag %s\n", n, store.calls.Load(), etag)
}
