// Package telemetry streams readings from a device over a net.Conn.
package telemetry

import (
	"bufio"
	"errors"
	"net"
	"sync"
	"time"
)

// ErrConnected is returned by a second Connect.
var ErrConnected = errors.New("telemetry: already connected")

// Reading is one line reported by the device.
type Reading struct {
	Addr string
	Line string
	At   time.Time
}

// Device is a connection to one telemetry device.
type Device struct {
	mu      sync.Mutex
	addr    string
	conn    net.Conn
	last    Reading
	count   int
	closing bool
}

// Connect dials addr and starts reading. A Device connects at most once.
func (d *Device) Connect(addr string, timeout time.Duration) error {
	if d.conn != nil {
		return ErrConnected
	}
	c, err := net.DialTimeout("tcp", addr, timeout)
	if err != nil {
		return err
	}
	d.addr = addr
	d.conn = c
	go d.readLoop()
	return nil
}

// Last returns the most recent reading.
func (d *Device) Last() (Reading, int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.last, d.count
}

// Close shuts the connection down; the Device cannot be reused.
func (d *Device) Close() error {
	d.mu.Lock()
	d.closing = true
	c := d.conn
	d.mu.Unlock()
	if c == nil {
		return nil
	}
	return c.Close()
}

func (d *Device) readLoop() {
	d.mu.Lock()
	c, addr := d.conn, d.addr
	d.mu.Unlock()
	sc := bufio.NewScanner(c)
	for sc.Scan() {
		r := Reading{Addr: addr, Line: sc.Text(), At: time.Now()}
		d.mu.Lock()
		if d.closing {
			d.mu.Unlock()
			return
		}
		d.last = r
		d.count++
		d.mu.Unlock()
	}
}
