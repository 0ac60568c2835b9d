// Package wal appends encoded entries to a write-ahead log file.
package wal

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"sync"
)

var errClosed = errors.New("wal: writer closed")

type Writer struct {
	bw *bufio.Writer

	mu      sync.Mutex
	closed  bool
	entries chan []byte
	quit    chan struct{}
	done    chan struct{}
	werr    error
}

func NewWriter(w io.Writer) *Writer {
	lw := &Writer{
		bw:      bufio.NewWriter(w),
		entries: make(chan []byte, 32),
		quit:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	go lw.loop()
	return lw
}

func (lw *Writer) Append(entry []byte) error {
	lw.mu.Lock()
	defer lw.mu.Unlock()
	if lw.closed {
		return errClosed
	}
	lw.entries <- entry
	return nil
}

func (lw *Writer) Close() error {
	lw.mu.Lock()
	if lw.closed {
		lw.mu.Unlock()
		return errClosed
	}
	lw.closed = true
	lw.quit <- struct{}{}
	lw.mu.Unlock()
	<-lw.done
	return lw.werr
}

func (lw *Writer) loop() {
	defer close(lw.done)
	for {
		select {
		case e := <-lw.entries:
			lw.write(e)
		case <-lw.quit:
			close(lw.quit)
			for {
				select {
				case e := <-lw.entries:
					lw.write(e)
				default:
					if err := lw.bw.Flush(); err != nil && lw.werr == nil {
						lw.werr = err
					}
					return
				}
			}
		}
	}
}

func (lw *Writer) write(e []byte) {
	if lw.werr != nil {
		return
	}
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(len(e)))
	if _, err := lw.bw.Write(hdr[:]); err != nil {
		lw.werr = err
		return
	}
	if _, err := lw.bw.Write(e); err != nil {
		lw.werr = err
	}
}
