package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sync"
)

// AuditLog writes audit records to an io.Writer from a single goroutine.
type AuditLog struct {
	records chan string
	done    chan struct{}
	w       *bufio.Writer

	mu     sync.Mutex
	closed bool
}

// NewAuditLog starts the writer goroutine.
func NewAuditLog(w io.Writer) *AuditLog {
	a := &AuditLog{
		records: make(chan string, 64),
		done:    make(chan struct{}),
		w:       bufio.NewWriter(w),
	}
	go a.writeLoop()
	return a
}

func (a *AuditLog) writeLoop() {
	defer close(a.done)
	for rec := range a.records {
		fmt.Fprintln(a.w, rec)
		if len(a.records) == 0 {
			a.w.Flush()
		}
	}
	a.w.Flush()
}

// Record queues an audit entry; it returns false after Close.
func (a *AuditLog) Record(user, action string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return false
	}
	a.records <- user + " " + action
	return true
}

// Close drains pending records and stops the writer.
func (a *AuditLog) Close() {
	a.mu.Lock()
	if a.closed {
		a.mu.Unlock()
		return
	}
	a.closed = true
	close(a.records)
	a.mu.Unlock()
	<-a.done
}

func main() {
	log := NewAuditLog(os.Stdout)
	for i, act := range []string{"login", "read:/etc/app.yaml", "logout"} {
		log.Record(fmt.Sprintf("user%d", i), act)
	}
	log.Close()
	log.Close()
}
