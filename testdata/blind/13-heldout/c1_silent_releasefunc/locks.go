// Class 1, SILENT: lockKey returns with the per-key mutex locked and hands its Unlock to the caller as the returned func, and both callers release it (defer unlock() / explicit unlock()).
package c1_silent_releasefunc

import (
	"os"
	"path/filepath"
	"sync"
)

type keyLock struct {
	mu   sync.Mutex
	refs int
}

type FileCache struct {
	dir   string
	guard sync.Mutex
	locks map[string]*keyLock
}

func NewFileCache(dir string) *FileCache {
	return &FileCache{dir: dir, locks: make(map[string]*keyLock)}
}

// lockKey serializes access to one cache entry; call the result to unlock.
func (c *FileCache) lockKey(key string) (unlock func()) {
	c.guard.Lock()
	kl, ok := c.locks[key]
	if !ok {
		kl = &keyLock{}
		c.locks[key] = kl
	}
	kl.refs++
	c.guard.Unlock()

	kl.mu.Lock()
	return func() {
		kl.mu.Unlock()
		c.guard.Lock()
		if kl.refs--; kl.refs == 0 {
			delete(c.locks, key)
		}
		c.guard.Unlock()
	}
}

func (c *FileCache) Store(key string, data []byte) error {
	unlock := c.lockKey(key)
	defer unlock()
	tmp := filepath.Join(c.dir, key+".tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(c.dir, key))
}

func (c *FileCache) Load(key string) ([]byte, error) {
	unlock := c.lockKey(key)
	b, err := os.ReadFile(filepath.Join(c.dir, key))
	unlock()
	return b, err
}
