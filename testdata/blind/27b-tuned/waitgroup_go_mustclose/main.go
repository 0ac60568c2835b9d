// GOOD: every goroutine the watcher starts is launched with wg.Go; MustClose
// cancels their shared context and waits for all of them before clearing the
// fields, and the type documents that it must not be used during or after close.
package main

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"
)

// FileWatcher polls a set of files and records their last modification time.
// Watch and Changed are safe for concurrent use; callers must not use the
// watcher during or after MustClose.
type FileWatcher struct {
	mu      sync.Mutex
	modTime map[string]time.Time
	changed []string

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func NewFileWatcher(interval time.Duration) *FileWatcher {
	ctx, cancel := context.WithCancel(context.Background())
	fw := &FileWatcher{
		modTime: make(map[string]time.Time),
		ctx:     ctx,
		cancel:  cancel,
	}
	fw.wg.Go(func() { fw.pollLoop(interval) })
	fw.wg.Go(fw.trimLoop)
	return fw
}

func (fw *FileWatcher) Watch(path string) {
	fw.mu.Lock()
	fw.modTime[path] = time.Time{}
	fw.mu.Unlock()
}

func (fw *FileWatcher) pollLoop(interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-fw.ctx.Done():
			return
		case <-t.C:
			fw.mu.Lock()
			for path, last := range fw.modTime {
				st, err := os.Stat(path)
				if err != nil || !st.ModTime().After(last) {
					continue
				}
				fw.modTime[path] = st.ModTime()
				fw.changed = append(fw.changed, path)
			}
			fw.mu.Unlock()
		}
	}
}

func (fw *FileWatcher) trimLoop() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-fw.ctx.Done():
			return
		case <-t.C:
			fw.mu.Lock()
			if n := len(fw.changed); n > 1000 {
				fw.changed = append([]string(nil), fw.changed[n-1000:]...)
			}
			fw.mu.Unlock()
		}
	}
}

func (fw *FileWatcher) Changed() []string {
	fw.mu.Lock()
	defer fw.mu.Unlock()
	return append([]string(nil), fw.changed...)
}

// MustClose stops polling and releases the watcher's state.
func (fw *FileWatcher) MustClose() {
	fw.cancel()
	fw.wg.Wait()
	fw.modTime = nil
	fw.changed = nil
}

func main() {
	f, err := os.CreateTemp("", "watch-*.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.Remove(f.Name())
	f.Close()

	fw := NewFileWatcher(5 * time.Millisecond)
	fw.Watch(f.Name())
	time.Sleep(20 * time.Millisecond)
	fmt.Println("changed:", fw.Changed())
	fw.MustClose()
}
