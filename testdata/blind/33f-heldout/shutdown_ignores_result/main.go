// BAD: Stop hands the flush to a goroutine that reports on an unbuffered channel
// and ignores recvTimeout's result; when the flush is slower than the grace period
// Stop returns and the flusher blocks forever on its send.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sync"
	"time"
)

// AuditLog buffers audit lines and flushes them on shutdown.
type AuditLog struct {
	mu    sync.Mutex
	w     *bufio.Writer
	f     *os.File
	grace time.Duration
}

// OpenAuditLog opens path for appending.
func OpenAuditLog(path string, grace time.Duration) (*AuditLog, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	return &AuditLog{w: bufio.NewWriter(f), f: f, grace: grace}, nil
}

// Record appends one audit line.
func (a *AuditLog) Record(user, action string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	fmt.Fprintf(a.w, "%s %s %s\n", time.Now().Format(time.RFC3339), user, action)
}

func (a *AuditLog) flush() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if err := a.w.Flush(); err != nil {
		return err
	}
	return a.f.Sync()
}

// recvTimeout waits for a result on ch for at most d.
func recvTimeout(ch chan error, d time.Duration) error {
	select {
	case err := <-ch:
		return err
	case <-time.After(d):
		return fmt.Errorf("no result after %v", d)
	}
}

// Stop flushes pending lines, waiting at most the grace period.
func (a *AuditLog) Stop() {
	flushed := make(chan error) // want "blocks forever"
	go func() {
		flushed <- a.flush()
	}()
	recvTimeout(flushed, a.grace)
}

func main() {
	log, err := OpenAuditLog(os.DevNull, 200*time.Millisecond)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	log.Record("alice", "login")
	log.Record("alice", "delete-project")
	log.Stop()
	fmt.Println("audit log closed")
}
