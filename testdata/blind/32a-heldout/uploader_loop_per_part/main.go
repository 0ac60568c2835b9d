// BAD: Upload starts one goroutine per part and, in the same loop iteration, adds the part size
// to u.queued without u.mu; the part uploaders already running read u.queued under u.mu to
// compute progress.
package main

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"sync"
)

type PartStore interface {
	PutPart(key string, n int, data []byte) (etag string, err error)
}

type memStore struct {
	mu    sync.Mutex
	parts map[string][]byte
}

func (m *memStore) PutPart(key string, n int, data []byte) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.parts[fmt.Sprintf("%s.%05d", key, n)] = append([]byte(nil), data...)
	return fmt.Sprintf("%08x", crc32.ChecksumIEEE(data)), nil
}

// Uploader performs multipart uploads and reports progress as parts complete.
type Uploader struct {
	mu       sync.Mutex
	store    PartStore
	partSize int
	queued   int64
	uploaded int64
	etags    map[int]string
	onProg   func(pct int)
}

func NewUploader(store PartStore, partSize int, onProg func(int)) *Uploader {
	return &Uploader{store: store, partSize: partSize, onProg: onProg}
}

func (u *Uploader) uploadPart(wg *sync.WaitGroup, key string, n int, data []byte) {
	defer wg.Done()
	etag, err := u.store.PutPart(key, n, data)
	if err != nil {
		return
	}
	u.mu.Lock()
	u.etags[n] = etag
	u.uploaded += int64(len(data))
	pct := int(u.uploaded * 100 / u.queued)
	u.mu.Unlock()
	u.onProg(pct)
}

// Upload splits body into parts and uploads them concurrently.
func (u *Uploader) Upload(key string, body []byte) map[int]string {
	u.mu.Lock()
	u.queued, u.uploaded = 0, 0
	u.etags = make(map[int]string)
	u.mu.Unlock()

	var wg sync.WaitGroup
	for n, off := 1, 0; off < len(body); n, off = n+1, off+u.partSize {
		end := off + u.partSize
		if end > len(body) {
			end = len(body)
		}
		part := body[off:end]
		wg.Add(1)
		go u.uploadPart(&wg, key, n, part)
		u.queued += int64(len(part)) // want "without holding|races with|no lock"
	}
	wg.Wait()

	u.mu.Lock()
	defer u.mu.Unlock()
	return u.etags
}

func main() {
	store := &memStore{parts: make(map[string][]byte)}
	up := NewUploader(store, 1024, func(pct int) {
		if pct%25 == 0 {
			fmt.Printf("progress %d%%\n", pct)
		}
	})
	body := bytes.Repeat([]byte("0123456789abcdef"), 512)
	etags := up.Upload("backups/db.tar", body)
	fmt.Printf("uploaded %d parts\n", len(etags))
}
