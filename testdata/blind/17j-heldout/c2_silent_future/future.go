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

// Future holds a value or an error that is produced later by another
// goroutine.
type Future[T any] struct {
	done chan struct{}
	val  T
	err  error
}

func NewFuture[T any]() *Future[T] {
	return &Future[T]{done: make(chan struct{})}
}

// Complete stores the outcome and wakes every waiter. It must be called
// exactly once.
func (f *Future[T]) Complete(v T, err error) {
	f.val, f.err = v, err
	close(f.done)
}

// Await blocks until the outcome is available.
func (f *Future[T]) Await() (T, error) {
	<-f.done
	return f.val, f.err
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
		}
		f.Complete(cfg, err)
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
func Boot(l *Loader, warm func()) (Config, error) {
	pending := l.Start()
	warm()
	cfg, err := pending.Await()
	if err != nil {
		return Config{}, fmt.Errorf("boot: %w", err)
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Second
	}
	return cfg, nil
}
