// Package wal implements a minimal write-ahead log with periodic fsync.
package wal

import (
	"encoding/binary"
	"errors"
	"io"
	"os"
	"sync"
	"time"
)

type WAL struct {
	mu    sync.Mutex
	f     *os.File
	id    uint32
	pos   int64
	dirty bool
	quit  chan struct{}
	wg    sync.WaitGroup
}

// Open opens or creates the log file and starts the sync loop.
func Open(path string) (*WAL, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	w := &WAL{f: f, quit: make(chan struct{})}
	if err := w.readHeader(); err != nil {
		f.Close()
		return nil, err
	}
	w.wg.Go(w.syncLoop)
	return w, nil
}

func (w *WAL) readHeader() error {
	var hdr [12]byte
	_, err := io.ReadFull(w.f, hdr[:])
	switch {
	case errors.Is(err, io.EOF):
		w.id = uint32(time.Now().Unix())
		binary.LittleEndian.PutUint32(hdr[:4], w.id)
		if _, err := w.f.WriteAt(hdr[:], 0); err != nil {
			return err
		}
		w.pos = int64(len(hdr))
		return nil
	case err != nil:
		return err
	}
	w.id = binary.LittleEndian.Uint32(hdr[:4])
	w.pos = int64(binary.LittleEndian.Uint64(hdr[4:]))
	return nil
}

func (w *WAL) Append(rec []byte) (int64, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	at := w.pos
	n, err := w.f.WriteAt(rec, at)
	if err != nil {
		return 0, err
	}
	w.pos += int64(n)
	w.dirty = true
	return at, nil
}

func (w *WAL) ID() uint32 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.id
}

func (w *WAL) syncLoop() {
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-w.quit:
			return
		case <-t.C:
			w.mu.Lock()
			if w.dirty {
				w.f.Sync()
				w.dirty = false
			}
			w.mu.Unlock()
		}
	}
}

func (w *WAL) Close() error {
	close(w.quit)
	w.wg.Wait()
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.f.Close()
}
