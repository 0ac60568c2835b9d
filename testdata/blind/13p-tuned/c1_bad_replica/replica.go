package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"sync"
	"time"
)

type header struct {
	Magic uint32
	Pos   uint64
}

// Replica tails a primary's segment file and applies records.
type Replica struct {
	mu      sync.Mutex
	path    string
	f       *os.File
	pos     uint64
	applied int
	stop    chan struct{}
	done    chan struct{}
}

func NewReplica(path string) *Replica {
	return &Replica{path: path, stop: make(chan struct{}), done: make(chan struct{})}
}

func (r *Replica) Start() error {
	f, err := os.Open(r.path)
	if err != nil {
		return err
	}
	r.f = f

	go r.applyLoop()

	var hdr header
	if err := binary.Read(f, binary.LittleEndian, &hdr); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("read header: %w", err)
	}
	r.pos = hdr.Pos
	return nil
}

func (r *Replica) applyLoop() {
	defer close(r.done)
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-r.stop:
			return
		case <-t.C:
			r.mu.Lock()
			r.pos++
			r.applied++
			r.mu.Unlock()
		}
	}
}

func (r *Replica) Position() uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.pos
}

func (r *Replica) Stop() {
	close(r.stop)
	<-r.done
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f != nil {
		r.f.Close()
	}
}

func main() {
	r := NewReplica(os.Args[0])
	if err := r.Start(); err != nil {
		log.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	fmt.Println("position", r.Position())
	r.Stop()
}
