// BAD: each request goroutine calls t.Enqueue, which reads t.closed without holding
// t.mu and then calls t.wg.Add(1); Shutdown can set closed and finish t.wg.Wait() in
// between the check and the Add, so the new job runs after Shutdown returned.
package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

var errShuttingDown = errors.New("thumbnailer: shutting down")

type resizeRequest struct {
	path  string
	width int
}

// Thumbnailer renders thumbnails in background goroutines.
type Thumbnailer struct {
	mu      sync.Mutex
	closed  bool
	results map[string]string
	wg      sync.WaitGroup
}

func NewThumbnailer() *Thumbnailer {
	return &Thumbnailer{results: make(map[string]string)}
}

// Enqueue starts rendering req unless the thumbnailer is shutting down.
func (t *Thumbnailer) Enqueue(req resizeRequest) error {
	if t.closed {
		return errShuttingDown
	}
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		out := render(req)
		t.mu.Lock()
		t.results[req.path] = out
		t.mu.Unlock()
	}()
	return nil
}

func render(req resizeRequest) string {
	name := strings.TrimSuffix(req.path, ".jpg")
	return fmt.Sprintf("%s_%dw.jpg", name, req.width)
}

// Shutdown refuses new work and waits for running renders.
func (t *Thumbnailer) Shutdown() map[string]string {
	t.mu.Lock()
	t.closed = true
	t.mu.Unlock()

	t.wg.Wait()

	t.mu.Lock()
	defer t.mu.Unlock()
	out := make(map[string]string, len(t.results))
	for k, v := range t.results {
		out[k] = v
	}
	return out
}

func main() {
	th := NewThumbnailer()
	uploads := []resizeRequest{
		{"photos/beach.jpg", 320},
		{"photos/dog.jpg", 640},
		{"photos/cake.jpg", 128},
	}

	for _, up := range uploads {
		go func(r resizeRequest) {
			if err := th.Enqueue(r); err != nil { // want "WaitGroup.Add called"
				fmt.Println("rejected", r.path, err)
			}
		}(up)
	}

	done := th.Shutdown()
	for src, thumb := range done {
		fmt.Println(src, "->", thumb)
	}
}
