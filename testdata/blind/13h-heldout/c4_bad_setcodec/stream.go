package metricsink

import (
	"bytes"
	"compress/flate"
	"net"
	"sync"
	"time"
)

type Stream struct {
	conn net.Conn
	emit func([]string)

	level   int
	sentRaw int
	sentZip int

	mu      sync.Mutex
	queued  []string
	stopped bool
}

func Open(conn net.Conn) *Stream {
	s := &Stream{conn: conn, level: flate.BestSpeed}
	s.emit = s.writeBatch
	go s.run()
	return s
}

func (s *Stream) run() {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for range tick.C {
		s.mu.Lock()
		if s.stopped {
			s.mu.Unlock()
			return
		}
		q := s.queued
		s.queued = nil
		s.mu.Unlock()
		if len(q) > 0 {
			s.emit(q)
		}
	}
}

func (s *Stream) writeBatch(lines []string) {
	var raw bytes.Buffer
	for _, l := range lines {
		raw.WriteString(l)
		raw.WriteByte('\n')
	}
	var zbuf bytes.Buffer
	zw, err := flate.NewWriter(&zbuf, s.level)
	if err != nil {
		s.level = flate.DefaultCompression
		zw, _ = flate.NewWriter(&zbuf, s.level)
	}
	zw.Write(raw.Bytes())
	zw.Close()
	s.sentRaw += raw.Len()
	s.sentZip += zbuf.Len()
	s.conn.Write(zbuf.Bytes())
}

func (s *Stream) Record(line string) {
	s.mu.Lock()
	if !s.stopped {
		s.queued = append(s.queued, line)
	}
	s.mu.Unlock()
}

// SetLevel changes the flate compression level used for later batches.
func (s *Stream) SetLevel(level int) {
	s.level = level
}

func (s *Stream) Stop() {
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
}
