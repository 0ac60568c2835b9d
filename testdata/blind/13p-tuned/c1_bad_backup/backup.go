package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// BackupClient periodically copies a snapshot into a destination directory.
type BackupClient struct {
	mu       sync.Mutex
	destDir  string
	interval time.Duration
	lastRun  time.Time
	runs     int
}

func NewBackupClient(dest string, interval time.Duration) *BackupClient {
	return &BackupClient{destDir: dest, interval: interval}
}

// SetDestination changes where future backups are written.
func (c *BackupClient) SetDestination(dir string) error {
	if dir == "" {
		return fmt.Errorf("empty destination")
	}
	c.destDir = filepath.Clean(dir)
	return nil
}

func (c *BackupClient) Run(stop <-chan struct{}) {
	t := time.NewTicker(c.interval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case now := <-t.C:
			c.mu.Lock()
			target := filepath.Join(c.destDir, fmt.Sprintf("snap-%d", now.Unix()))
			c.lastRun = now
			c.runs++
			c.mu.Unlock()
			if err := os.WriteFile(target, []byte("snapshot"), 0o644); err != nil {
				log.Printf("backup: %v", err)
			}
		}
	}
}

func (c *BackupClient) Status() (string, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.destDir, c.runs
}

func main() {
	c := NewBackupClient(os.TempDir(), time.Second)
	stop := make(chan struct{})
	go c.Run(stop)

	mux := http.NewServeMux()
	mux.HandleFunc("POST /backup/dest", func(w http.ResponseWriter, r *http.Request) {
		if err := c.SetDestination(r.FormValue("dir")); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /backup/status", func(w http.ResponseWriter, r *http.Request) {
		dir, runs := c.Status()
		fmt.Fprintf(w, "%s %d\n", dir, runs)
	})
	log.Fatal(http.ListenAndServe("127.0.0.1:8089", mux))
}
