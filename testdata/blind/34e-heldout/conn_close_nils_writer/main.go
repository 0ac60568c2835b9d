// BAD: Dial starts writeLoop, which keeps using c.w for every frame; Close sets c.w to
// nil without a lock and without waiting for the loop to exit, so a frame still being
// written races with (and may panic on) the cleared writer.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

var ErrClosed = errors.New("conn: closed")

// Conn is a framed, write-buffered connection over any io.Writer.
type Conn struct {
	w      *bufio.Writer
	frames chan []byte
	errc   chan error
	closed bool
}

// Dial wraps dst and starts the background writer.
func Dial(dst io.Writer) *Conn {
	c := &Conn{
		w:      bufio.NewWriterSize(dst, 4096),
		frames: make(chan []byte, 32),
		errc:   make(chan error, 1),
	}
	go c.writeLoop()
	return c
}

func (c *Conn) writeLoop() {
	for f := range c.frames {
		hdr := []byte{byte(len(f) >> 8), byte(len(f))}
		if _, err := c.w.Write(hdr); err != nil {
			c.errc <- err
			return
		}
		if _, err := c.w.Write(f); err != nil {
			c.errc <- err
			return
		}
		if len(c.frames) == 0 {
			if err := c.w.Flush(); err != nil {
				c.errc <- err
				return
			}
		}
	}
}

// Send queues one frame.
func (c *Conn) Send(p []byte) error {
	if c.closed {
		return ErrClosed
	}
	c.frames <- append([]byte(nil), p...)
	return nil
}

// Close stops accepting frames and releases the writer.
func (c *Conn) Close() error {
	if c.closed {
		return ErrClosed
	}
	c.closed = true
	close(c.frames)
	c.w = nil // want "without a lock"
	return nil
}

func main() {
	var out bytes.Buffer
	c := Dial(&out)
	for _, msg := range []string{"hello", "world", "bye"} {
		if err := c.Send([]byte(msg)); err != nil {
			fmt.Println("send:", err)
		}
	}
	_ = c.Close()
	fmt.Println("closed")
}
