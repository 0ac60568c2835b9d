// Correct: each worker writes results[i] (and appends failures under mu) before its deferred wg.Done, and UploadAll calls wg.Wait before reading either.
package g3_batch_upload

import (
	"errors"
	"fmt"
	"sync"
)

// Store is the destination of uploaded objects.
type Store interface {
	Put(name string, data []byte) (etag string, err error)
}

// Object is one item to upload.
type Object struct {
	Name string
	Data []byte
}

// Uploader pushes objects to a Store with bounded parallelism.
type Uploader struct {
	store Store
	sem   chan struct{}
}

// NewUploader returns an Uploader that runs at most parallel uploads at once.
func NewUploader(store Store, parallel int) *Uploader {
	if parallel < 1 {
		parallel = 1
	}
	return &Uploader{store: store, sem: make(chan struct{}, parallel)}
}

// UploadAll uploads objs and returns their etags in order.
func (u *Uploader) UploadAll(objs []Object) ([]string, error) {
	results := make([]string, len(objs))
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		failures []error
	)
	for i, o := range objs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			u.sem <- struct{}{}
			defer func() { <-u.sem }()

			etag, err := u.store.Put(o.Name, o.Data)
			if err != nil {
				mu.Lock()
				failures = append(failures, fmt.Errorf("%s: %w", o.Name, err))
				mu.Unlock()
				return
			}
			results[i] = etag
		}()
	}
	wg.Wait()

	if len(failures) > 0 {
		return results, errors.Join(failures...)
	}
	return results, nil
}
