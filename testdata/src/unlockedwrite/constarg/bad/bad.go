package bad

import "sync"

// The bad twins of constarg: goroutines that ask for the totals race
// on them.
type frame struct {
	size   int
	blocks int
}

type block struct{ data []byte }

func (b *block) decode(f *frame, sum bool) []byte {
	out := append([]byte(nil), b.data...)
	if sum {
		f.size += len(out) // want `write to f.size in a goroutine started in a loop races with the other goroutines: no lock is held`
	}
	return out
}

func (b *block) account(f *frame, mode int) {
	if mode != 0 {
		f.blocks++ // want `write to f.blocks in a goroutine started in a loop races with the other goroutines: no lock is held`
	}
}

func DecodeCounting(f *frame, bs []*block) {
	var wg sync.WaitGroup
	for _, b := range bs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.decode(f, true)
		}()
	}
	wg.Wait()
}

func DecodeAccounting(f *frame, bs []*block, mode int) {
	var wg sync.WaitGroup
	for _, b := range bs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.account(f, mode)
		}()
	}
	wg.Wait()
}
