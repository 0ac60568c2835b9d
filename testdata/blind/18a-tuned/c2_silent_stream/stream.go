// Package logstream tails application log lines to a remote collector.
package logstream

import (
	"bufio"
	"context"
	"io"
	"sync"
)

type Line struct {
	Source string
	Text   string
}

// Streamer ships lines to w from a background goroutine.
type Streamer struct {
	lines  chan Line
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	w      *bufio.Writer
	err    error
}

func NewStreamer(parent context.Context, w io.Writer) *Streamer {
	ctx, cancel := context.WithCancel(parent)
	s := &Streamer{
		lines:  make(chan Line, 128),
		ctx:    ctx,
		cancel: cancel,
		w:      bufio.NewWriter(w),
	}
	s.wg.Add(1)
	go s.run()
	return s
}

// Send ships one line. It returns false after the streamer has stopped.
func (s *Streamer) Send(l Line) bool {
	select {
	case s.lines <- l:
		return true
	case <-s.ctx.Done():
		return false
	}
}

func (s *Streamer) run() {
	defer s.wg.Done()
	for {
		select {
		case l := <-s.lines:
			if s.err == nil {
				_, s.err = s.w.WriteString(l.Source + ": " + l.Text + "\n")
			}
		case <-s.ctx.Done():
			for {
				select {
				case l := <-s.lines:
					if s.err == nil {
						_, s.err = s.w.WriteString(l.Source + ": " + l.Text + "\n")
					}
				default:
					if s.err == nil {
						s.err = s.w.Flush()
					}
					return
				}
			}
		}
	}
}

// Stop signals the shipper, waits for it to flush and reports the first
// write error. The lines channel is left open; late senders see ctx.Done.
func (s *Streamer) Stop() error {
	s.cancel()
	s.wg.Wait()
	return s.err
}
