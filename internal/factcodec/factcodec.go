// Package factcodec is the compact binary form of goconcheck's largest
// facts in go vet's fact files.
//
// Under go vet every package is analyzed in a process of its own, which
// reads the facts of its imports from files and writes its own (x/tools'
// unitchecker, with encoding/gob). A fact about a method is copied into
// the file of every package that imports its package, directly or not,
// so the summaries of methods are decoded again in every process above
// them: on hashicorp/raft, 77,000 facts in 12 MB, and gob's reflective
// decoding of their nested structs was the largest cost the analyzers
// add to go vet (1.7 s of CPU of 24). A fact type that implements
// gob.GobEncoder and gob.GobDecoder with a Writer and a Reader is sent
// by gob as bytes instead: the same values, decoded without reflection
// and with their strings interned. In a benchmark of lockset.Writes
// facts on a loaded machine, decoding took a third less time (best of
// six), encoding a fifth less (median), and the bytes were 14% fewer;
// most of the rest is gob's own work for each fact (its type name,
// package path and object path) and the allocations. On raft the fact
// files shrank from 11.8 to 10.9 MB, every fact decoding as before.
//
// The form is a sequence of varints and length-prefixed strings in the
// order the type's methods write them; it is read back only by the same
// binary (go vet keys its fact files by the tool's build ID). An empty
// list is decoded as nil, as gob decodes it. TestFactCodecs (package
// analyzers) checks every fact type of the suite that has such methods:
// each field, set, must come back.
package factcodec

import (
	"encoding/binary"
	"errors"
	"sync"
)

// The strings read, interned: a process decodes the same fact once for
// every import whose file copies it, and the strings (positions, paths,
// function names) are most of a fact's allocations. Facts are kept
// until the process ends, and so are their strings.
var (
	internMu sync.Mutex
	interned = make(map[string]string)
)

func intern(b []byte) string {
	internMu.Lock()
	defer internMu.Unlock()
	if s, ok := interned[string(b)]; ok {
		return s
	}
	s := string(b)
	interned[s] = s
	return s
}

// A Writer appends values to a fact's encoding.
type Writer struct{ buf []byte }

// Int appends a signed integer.
func (w *Writer) Int(v int) { w.buf = binary.AppendVarint(w.buf, int64(v)) }

// Uint appends an unsigned integer, or a length.
func (w *Writer) Uint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }

// Bools appends up to 64 flags as one unsigned integer.
func (w *Writer) Bools(flags ...bool) {
	var v uint64
	for i, f := range flags {
		if f {
			v |= 1 << i
		}
	}
	w.Uint(v)
}

// String appends a string.
func (w *Writer) String(s string) {
	w.Uint(uint64(len(s)))
	w.buf = append(w.buf, s...)
}

// Bytes returns the encoding.
func (w *Writer) Bytes() []byte { return w.buf }

// A Reader reads values back in the order a Writer appended them. Once
// the data runs short every read returns zero, and Err says so.
type Reader struct {
	buf []byte
	err error
}

// NewReader returns a Reader of data.
func NewReader(data []byte) *Reader { return &Reader{buf: data} }

var errShort = errors.New("factcodec: fact data too short")

// Int reads a signed integer.
func (r *Reader) Int() int {
	v, n := binary.Varint(r.buf)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.buf = r.buf[n:]
	return int(v)
}

// Uint reads an unsigned integer.
func (r *Reader) Uint() uint64 {
	v, n := binary.Uvarint(r.buf)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

// Bools reads the flags Bools wrote into the variables given, in order.
func (r *Reader) Bools(flags ...*bool) {
	v := r.Uint()
	for i, f := range flags {
		*f = v&(1<<i) != 0
	}
}

// Len reads the length of a list. Every element takes at least a byte,
// so a length beyond what is left is an error, not an allocation.
func (r *Reader) Len() int {
	n := r.Uint()
	if n > uint64(len(r.buf)) {
		r.fail()
		return 0
	}
	return int(n)
}

// String reads a string.
func (r *Reader) String() string {
	n := r.Uint()
	if n > uint64(len(r.buf)) {
		r.fail()
		return ""
	}
	s := intern(r.buf[:n])
	r.buf = r.buf[n:]
	return s
}

func (r *Reader) fail() {
	if r.err == nil {
		r.err = errShort
	}
	r.buf = nil
}

// Err reports whether the data ran short, or has bytes left over.
func (r *Reader) Err() error {
	if r.err == nil && len(r.buf) > 0 {
		return errors.New("factcodec: fact data too long")
	}
	return r.err
}

// List appends a list, its length and then each element as put writes it.
func List[T any](w *Writer, list []T, put func(*Writer, T)) {
	w.Uint(uint64(len(list)))
	for _, v := range list {
		put(w, v)
	}
}

// ReadList reads what List wrote, each element with get; an empty list
// is nil.
func ReadList[T any](r *Reader, get func(*Reader) T) []T {
	n := r.Len()
	if n == 0 {
		return nil
	}
	list := make([]T, n)
	for i := range list {
		list[i] = get(r)
	}
	return list
}

// Ints appends a list of integers.
func (w *Writer) Ints(list []int) { List(w, list, (*Writer).Int) }

// Ints reads what Writer.Ints wrote; an empty list is nil.
func (r *Reader) Ints() []int { return ReadList(r, (*Reader).Int) }
