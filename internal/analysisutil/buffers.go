package analysisutil

import "slices"

// Buffers lends slices to collect a list in, one at a time, when the
// list is built by appending one element after another and kept: a
// summary of a function's operations or effects. A list grown so keeps
// about as many elements again in the arrays it outgrew; collected in a
// lent buffer and kept at its final length, it leaves none. The builder
// of a summary may recurse into a callee's before it is done: each level
// takes a buffer of its own. The zero value is ready to use.
type Buffers[T any] struct {
	free [][]T
}

// Take returns an empty buffer to append to.
func (b *Buffers[T]) Take() []T {
	n := len(b.free)
	if n == 0 {
		return nil
	}
	buf := b.free[n-1]
	b.free = b.free[:n-1]
	return buf
}

// Keep returns a copy of buf at its length (nil if it is empty) and
// takes buf back, cleared, for the next Take.
func (b *Buffers[T]) Keep(buf []T) []T {
	var out []T
	if len(buf) > 0 {
		out = slices.Clone(buf)
	}
	clear(buf) // a buffer keeps nothing alive
	b.free = append(b.free, buf[:0])
	return out
}
