// GOOD: Submit checks u.closed and calls u.wg.Add(1) while holding u.mu, and Close
// sets u.closed under the same mutex before it calls u.wg.Wait(), so any Add that
// happens at all is ordered before the Wait; later Submits get ErrClosed instead.
package main

import (
	"errors"
	"fmt"
	"sync"
)

var ErrClosed = errors.New("uploader: closed")

// Uploader pushes blobs to a backend in the background.
type Uploader struct {
	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup

	put      func(key string, data []byte) error
	failures int
}

func NewUploader(put func(string, []byte) error) *Uploader {
	return &Uploader{put: put}
}

// Submit schedules an upload; it returns ErrClosed once Close has started.
func (u *Uploader) Submit(key string, data []byte) error {
	u.mu.Lock()
	if u.closed {
		u.mu.Unlock()
		return ErrClosed
	}
	u.wg.Add(1)
	u.mu.Unlock()

	go func() {
		defer u.wg.Done()
		if err := u.put(key, data); err != nil {
			u.mu.Lock()
			u.failures++
			u.mu.Unlock()
		}
	}()
	return nil
}

// Close rejects new uploads and waits for the accepted ones to finish.
func (u *Uploader) Close() int {
	u.mu.Lock()
	u.closed = true
	u.mu.Unlock()

	u.wg.Wait()

	u.mu.Lock()
	defer u.mu.Unlock()
	return u.failures
}

func main() {
	var storeMu sync.Mutex
	store := map[string]int{}
	up := NewUploader(func(key string, data []byte) error {
		if len(data) == 0 {
			return errors.New("empty blob")
		}
		storeMu.Lock()
		store[key] = len(data)
		storeMu.Unlock()
		return nil
	})

	var clients sync.WaitGroup
	for i := 0; i < 4; i++ {
		clients.Add(1)
		go func(id int) {
			defer clients.Done()
			key := fmt.Sprintf("client-%d/avatar.png", id)
			if err := up.Submit(key, make([]byte, id*10)); err != nil {
				fmt.Println("rejected:", key, err)
			}
		}(i)
	}

	failures := up.Close()
	clients.Wait()
	storeMu.Lock()
	fmt.Printf("stored %d blobs, %d failures\n", len(store), failures)
	storeMu.Unlock()
}
