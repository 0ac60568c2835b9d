// BAD: the polling goroutine sends the first change it sees on an unbuffered channel, but
// WaitForChange gives up at the deadline; a later change is then sent to nobody and the poller blocks forever.
package main

import (
	"errors"
	"fmt"
	"os"
	"time"
)

var ErrNoChange = errors.New("watch: no change before deadline")

type FileWatcher struct {
	Path     string
	Interval time.Duration
}

type Change struct {
	Path    string
	ModTime time.Time
	Size    int64
}

func (w *FileWatcher) stat() (Change, error) {
	fi, err := os.Stat(w.Path)
	if err != nil {
		return Change{}, err
	}
	return Change{Path: w.Path, ModTime: fi.ModTime(), Size: fi.Size()}, nil
}

// WaitForChange blocks until the file changes or the deadline passes.
func (w *FileWatcher) WaitForChange(deadline time.Time) (Change, error) {
	initial, err := w.stat()
	if err != nil {
		return Change{}, err
	}

	changes := make(chan Change) // want "blocks forever"
	go func() {
		ticker := time.NewTicker(w.Interval)
		defer ticker.Stop()
		for range ticker.C {
			cur, err := w.stat()
			if err != nil {
				continue
			}
			if !cur.ModTime.Equal(initial.ModTime) || cur.Size != initial.Size {
				changes <- cur
				return
			}
		}
	}()

	timer := time.NewTimer(time.Until(deadline))
	defer timer.Stop()
	select {
	case c := <-changes:
		return c, nil
	case <-timer.C:
		return Change{}, ErrNoChange
	}
}

func main() {
	path := "config.yaml"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	w := &FileWatcher{Path: path, Interval: 100 * time.Millisecond}
	c, err := w.WaitForChange(time.Now().Add(5 * time.Second))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%s changed: %d bytes at %s\n", c.Path, c.Size, c.ModTime.Format(time.RFC3339))
}
