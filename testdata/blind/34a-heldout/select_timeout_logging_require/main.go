// BAD: the test's requireTrue helper only logs when the loader times out, so the
// test passes and the goroutine stays blocked on its send to the unbuffered channel.
package cache

import "sync"

// LoadFunc fetches the value for a key from a slow backing store.
type LoadFunc func(key string) (string, error)

// Loader is a read-through cache in front of a LoadFunc.
type Loader struct {
	mu    sync.Mutex
	load  LoadFunc
	items map[string]string
}

// NewLoader returns a Loader backed by fn.
func NewLoader(fn LoadFunc) *Loader {
	return &Loader{load: fn, items: make(map[string]string)}
}

// Get returns the cached value for key, loading it on a miss.
func (l *Loader) Get(key string) (string, error) {
	l.mu.Lock()
	if v, ok := l.items[key]; ok {
		l.mu.Unlock()
		return v, nil
	}
	l.mu.Unlock()

	v, err := l.load(key)
	if err != nil {
		return "", err
	}
	l.mu.Lock()
	l.items[key] = v
	l.mu.Unlock()
	return v, nil
}

// Len reports how many keys are cached.
func (l *Loader) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.items)
}
