package main

import (
	"log"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"
)

type entry struct {
	data    []byte
	expires time.Time
}

// FileCache keeps the contents of a directory's files in memory.
type FileCache struct {
	mu      sync.Mutex
	dir     string
	entries map[string]entry
	ttl     time.Duration
}

func NewFileCache(dir string, ttl time.Duration) (*FileCache, error) {
	c := &FileCache{dir: dir, ttl: ttl}
	if err := c.loadFiles(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *FileCache) loadFiles() error {
	names, err := filepath.Glob(filepath.Join(c.dir, "*.json"))
	if err != nil {
		return err
	}
	fresh := make(map[string]entry, len(names))
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		fresh[filepath.Base(name)] = entry{data: b, expires: time.Now().Add(c.ttl)}
	}
	c.entries = fresh
	return nil
}

// Reload drops the cached contents and reads the directory again.
func (c *FileCache) Reload() error {
	return c.loadFiles()
}

func (c *FileCache) Get(name string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[name]
	if !ok || time.Now().After(e.expires) {
		return nil, false
	}
	return e.data, true
}

func (c *FileCache) janitor() {
	for range time.Tick(c.ttl) {
		now := time.Now()
		c.mu.Lock()
		for k, e := range c.entries {
			if now.After(e.expires) {
				delete(c.entries, k)
			}
		}
		c.mu.Unlock()
	}
}

func main() {
	c, err := NewFileCache(".", time.Minute)
	if err != nil {
		log.Fatal(err)
	}
	go c.janitor()

	http.HandleFunc("/file/", func(w http.ResponseWriter, r *http.Request) {
		b, ok := c.Get(filepath.Base(r.URL.Path))
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	})
	http.HandleFunc("/reload", func(w http.ResponseWriter, r *http.Request) {
		if err := c.Reload(); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	log.Fatal(http.ListenAndServe("127.0.0.1:8090", nil))
}
