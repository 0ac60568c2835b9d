package upload

import (
	"errors"
	"sync"
	"time"
)

type PutFunc func(key string, body []byte) error

// Uploader sends blobs and retries failed ones in the background.
// Put, Pending and Close are driven by a single goroutine.
type Uploader struct {
	put PutFunc

	mu      sync.Mutex
	pending map[string][]byte

	retries *retryTimers
}

func NewUploader(put PutFunc) *Uploader {
	u := &Uploader{put: put, pending: make(map[string][]byte)}
	u.retries = newRetryTimers(u.retry)
	return u
}

func (u *Uploader) Put(key string, body []byte) {
	if err := u.put(key, body); err == nil {
		return
	}
	u.mu.Lock()
	u.pending[key] = body
	u.mu.Unlock()
	u.retries.schedule(key, 200*time.Millisecond)
}

func (u *Uploader) retry(key string) {
	u.mu.Lock()
	body, ok := u.pending[key]
	u.mu.Unlock()
	if !ok {
		return
	}
	if err := u.put(key, body); err != nil {
		u.retries.schedule(key, time.Second)
		return
	}
	u.mu.Lock()
	delete(u.pending, key)
	u.mu.Unlock()
}

func (u *Uploader) Pending() int {
	u.mu.Lock()
	defer u.mu.Unlock()
	return len(u.pending)
}

var ErrUnsent = errors.New("upload: blobs left unsent")

func (u *Uploader) Close() error {
	u.retries.stop()
	left := len(u.pending)
	u.pending = nil
	if left > 0 {
		return ErrUnsent
	}
	return nil
}
