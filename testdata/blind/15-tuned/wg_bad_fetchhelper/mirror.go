// BAD: fetch calls wg.Add(1) only after its goroutine has started and checked the cache, so SyncAll's wg.Wait() can see the counter at zero and return before any fetch has been counted, and the mirror reports done with files still downloading.
package wg_bad_fetchhelper

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
)

type Mirror struct {
	Dir    string
	Client *http.Client

	mu     sync.Mutex
	failed []string
}

func (m *Mirror) SyncAll(urls []string) []string {
	var wg sync.WaitGroup
	for _, u := range urls {
		go m.fetch(u, &wg)
	}
	wg.Wait()
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.failed...)
}

func (m *Mirror) fetch(u string, wg *sync.WaitGroup) {
	dst := filepath.Join(m.Dir, filepath.Base(u))
	if _, err := os.Stat(dst); err == nil {
		return // already mirrored
	}
	wg.Add(1) // WANT waitgroupadd
	defer wg.Done()

	if err := m.download(u, dst); err != nil {
		m.mu.Lock()
		m.failed = append(m.failed, u)
		m.mu.Unlock()
	}
}

func (m *Mirror) download(u, dst string) error {
	resp, err := m.Client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
