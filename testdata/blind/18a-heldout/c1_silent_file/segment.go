// Package segment provides read access to immutable log segments that are
// shared by compaction, replication and query workers.
package segment

import (
	"io"
	"os"
	"sync/atomic"
)

type refCounter struct {
	n atomic.Int64
}

func (r *refCounter) inc() { r.n.Add(1) }

// dec reports whether the caller dropped the last reference.
func (r *refCounter) dec() bool { return r.n.Add(-1) == 0 }

// Segment is an open segment file. Path, BaseOffset and Size never change
// after Open returns.
type Segment struct {
	rc         refCounter
	f          *os.File
	path       string
	baseOffset int64
	size       int64
	index      []int64
}

// Open opens the segment at path; the caller owns one reference.
func Open(path string, baseOffset int64) (*Segment, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	s := &Segment{f: f, path: path, baseOffset: baseOffset, size: st.Size()}
	for off := int64(0); off < s.size; off += 64 {
		s.index = append(s.index, off)
	}
	s.rc.inc()
	return s, nil
}

// Acquire adds a reference for another worker.
func (s *Segment) Acquire() *Segment {
	s.rc.inc()
	return s
}

// Release drops a reference and closes the file after the last one.
func (s *Segment) Release() error {
	if !s.rc.dec() {
		return nil
	}
	err := s.f.Close()
	s.f = nil
	s.index = nil
	return err
}

func (s *Segment) Path() string { return s.path }
func (s *Segment) Size() int64  { return s.size }

// ReadBlock reads the i-th 64-byte block of the segment.
func (s *Segment) ReadBlock(i int) ([]byte, error) {
	if i >= len(s.index) {
		return nil, io.EOF
	}
	buf := make([]byte, 64)
	n, err := s.f.ReadAt(buf, s.index[i])
	if err == io.EOF && n > 0 {
		err = nil
	}
	return buf[:n], err
}
