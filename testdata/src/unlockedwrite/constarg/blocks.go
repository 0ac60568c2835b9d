package constarg

import "sync"

// A frame's blocks are decoded by goroutines, one per block; the
// running size and checksum are kept only on the sequential path.
type frame struct {
	size   int
	blocks int
	mode   int
}

const (
	modeParallel = iota
	modeSequential
)

type block struct{ data []byte }

// decode decodes one block of f; sum says whether the caller is the
// sequential reader, which alone keeps f's running totals.
func (b *block) decode(f *frame, sum bool) []byte {
	out := append([]byte(nil), b.data...)
	if sum {
		f.size += len(out)
	}
	return out
}

// account adds the block to f's totals unless the caller decodes in
// parallel.
func (b *block) account(f *frame, mode int) {
	if mode != modeParallel {
		f.blocks++
	}
}

// DecodeParallel decodes every block on its own goroutine: none of them
// keeps the totals.
func DecodeParallel(f *frame, bs []*block) [][]byte {
	out := make([][]byte, len(bs))
	var wg sync.WaitGroup
	for i, b := range bs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = b.decode(f, false)
			b.account(f, modeParallel)
		}()
	}
	wg.Wait()
	return out
}

// DecodeSequential keeps the totals on the one goroutine that reads.
func DecodeSequential(f *frame, bs []*block) (out [][]byte) {
	for _, b := range bs {
		out = append(out, b.decode(f, true))
		b.account(f, modeSequential)
	}
	return out
}
