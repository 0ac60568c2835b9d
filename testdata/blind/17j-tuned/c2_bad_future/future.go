// Package confload loads service configuration from a remote store in
// the background while the rest of start-up proceeds.
package confload

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"time"
)

// Future holds a value that is produced later by another goroutine.
type Future[T any] struct {
	done chan struct{}
	val  T
}

func NewFuture[T any]() *Future[T] {
	return &Future[T]{done: make(chan struct{})}
}

// Resolve stores v and wakes every waiter. It must be called once.
func (f *Future[T]) Resolve(v T) {
	f.val = v
	close(f.done)
}

// Await blocks until the value is available.
func (f *Future[T]) Await() T {
	<-f.done
	return f.val
}

// Config is the subset of settings the service needs at start-up.
type Config struct {
	ListenAddr string        `json:"listen_addr"`
	Upstreams  []string      `json:"upstreams"`
	Timeout    time.Duration `json:"timeout"`
}

// Loader fetches configuration over HTTP.
type Loader struct {
	Client *http.Client
	URL    string
}

// Start begins fetching the configuration and returns a future for it.
func (l *Loader) Start() *Future[Config] {
	f := NewFuture[Config]()
	go func() {
		cfg, err := l.fetch()
		if err != nil {
			log.Printf("confload: %v", err)
			return
		}
		f.Resolve(cfg)
	}()
	return f
}

func (l *Loader) fetch() (Config, error) {
	var cfg Config
	resp, err := l.Client.Get(l.URL)
	if err != nil {
		return cfg, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return cfg, fmt.Errorf("config store returned %s", resp.Status)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return cfg, err
	}
	if err := json.Unmarshal(body, &cfg); err != nil {
		return cfg, fmt.Errorf("decode config: %w", err)
	}
	return cfg, nil
}

// Boot warms caches while the configuration loads, then returns the
// configuration to the caller.
func Boot(l *Loader, warm func()) Config {
	pending := l.Start()
	warm()
	cfg := pending.Await()
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Second
	}
	return cfg
}
