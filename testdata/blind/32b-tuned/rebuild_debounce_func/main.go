// GOOD: the 200ms timeout context is a one-shot debounce timer; its cancel is kept in w.timer only as a
// "rebuild pending" flag (nil-checked, reset when it fires) and debounce always waits out the deadline.
package main

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"
)

// debounce waits until ctx's deadline has passed and then runs fn.
func debounce(ctx context.Context, fn func()) {
	<-ctx.Done()
	fn()
}

type Watcher struct {
	mu      sync.Mutex
	quiet   time.Duration
	changed map[string]bool
	timer   context.CancelFunc
	builds  int
	build   func(files []string)
}

func NewWatcher(quiet time.Duration, build func([]string)) *Watcher {
	return &Watcher{quiet: quiet, changed: make(map[string]bool), build: build}
}

// Notify records a changed file and schedules a rebuild once things go quiet.
func (w *Watcher) Notify(path string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.changed[path] = true
	if w.timer != nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), w.quiet)
	w.timer = cancel
	go debounce(ctx, w.rebuild)
}

func (w *Watcher) rebuild() {
	w.mu.Lock()
	files := make([]string, 0, len(w.changed))
	for f := range w.changed {
		files = append(files, f)
	}
	w.changed = make(map[string]bool)
	w.timer = nil
	w.builds++
	w.mu.Unlock()

	sort.Strings(files)
	w.build(files)
}

func (w *Watcher) Builds() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.builds
}

func main() {
	w := NewWatcher(40*time.Millisecond, func(files []string) {
		fmt.Println("rebuilding for", files)
	})
	for _, f := range []string{"main.go", "util.go", "main.go"} {
		w.Notify(f)
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(80 * time.Millisecond)
	w.Notify("README.md")
	time.Sleep(80 * time.Millisecond)
	fmt.Println("builds:", w.Builds())
}
