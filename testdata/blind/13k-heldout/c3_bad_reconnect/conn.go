// Package telemetry streams readings from a device over a net.Conn.
package telemetry

import (
	"bufio"
	"errors"
	"net"
	"sync"
	"time"
)

// ErrConnected is returned by Connect while a connection is open.
var ErrConnected = errors.New("telemetry: already connected")

// Reading is one line reported by the device.
type Reading struct {
	Addr string
	Line string
	At   time.Time
}

// Device is a connection to one telemetry device; it may reconnect.
type Device struct {
	mu    sync.Mutex
	addr  string
	conn  net.Conn
	last  Reading
	count int
}

// Connect dials addr and starts reading.
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
	go d.readLoop(c)
	return nil
}

// Disconnect closes the current connection so that Connect can be called again.
func (d *Device) Disconnect() error {
	d.mu.Lock()
	c := d.conn
	d.conn = nil
	d.mu.Unlock()
	if c == nil {
		return nil
	}
	return c.Close()
}

// Last returns the most recent reading.
func (d *Device) Last() (Reading, int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.last, d.count
}

func (d *Device) readLoop(c net.Conn) {
	sc := bufio.NewScanner(c)
	for sc.Scan() {
		line := sc.Text()
		d.mu.Lock()
		d.last = Reading{Addr: d.addr, Line: line, At: time.Now()}
		d.count++
		d.mu.Unlock()
	}
}
