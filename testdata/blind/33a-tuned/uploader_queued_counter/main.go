// BAD: the worker sends on u.ackCh under u.mu whenever u.queued > 0, but queued is bumped by Enqueue (any caller),
// not by AwaitAck; AwaitAck must lock u.mu in beginAwait before receiving, so the worker can sit on the send holding the lock.
package main

import (
	"fmt"
	"sync"
	"time"
)

type ack struct {
	seq   int
	bytes int
}

type Uploader struct {
	mu       sync.Mutex
	queued   int
	sent     int
	awaiting int
	sizes    []int
	ackCh    chan ack
	stop     chan struct{}
}

func NewUploader() *Uploader {
	u := &Uploader{ackCh: make(chan ack), stop: make(chan struct{})}
	go u.worker()
	return u
}

// Enqueue schedules a chunk for upload; safe to call from any goroutine.
func (u *Uploader) Enqueue(size int) {
	u.mu.Lock()
	u.queued++
	u.sizes = append(u.sizes, size)
	u.mu.Unlock()
}

func (u *Uploader) worker() {
	t := time.NewTicker(2 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-u.stop:
			return
		case <-t.C:
		}
		u.mu.Lock()
		if u.queued > 0 {
			u.queued--
			size := u.sizes[0]
			u.sizes = u.sizes[1:]
			u.sent++
			u.ackCh <- ack{seq: u.sent, bytes: size} // want "while holding"
		}
		u.mu.Unlock()
	}
}

func (u *Uploader) beginAwait() {
	u.mu.Lock()
	u.awaiting++
	u.mu.Unlock()
}

// AwaitAck waits for the next chunk to be acknowledged.
func (u *Uploader) AwaitAck() ack {
	u.beginAwait()
	a := <-u.ackCh
	u.mu.Lock()
	u.awaiting--
	u.mu.Unlock()
	return a
}

func (u *Uploader) Close() { close(u.stop) }

func main() {
	u := NewUploader()
	defer u.Close()
	for _, n := range []int{512, 1024, 2048} {
		u.Enqueue(n)
	}
	time.Sleep(10 * time.Millisecond)
	for i := 0; i < 3; i++ {
		a := u.AwaitAck()
		fmt.Printf("ack #%d (%d bytes)\n", a.seq, a.bytes)
	}
}
