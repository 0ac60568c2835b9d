package callbacks

import "sync"

// Frame is a settings frame; ForEach, exported, runs its callback
// before it returns, with nothing held of its own.
type Frame struct{ vals []uint32 }

func (f *Frame) ForEach(fn func(v uint32)) {
	for _, v := range f.vals {
		fn(v)
	}
}

// Conn keeps the peer's settings under mu, and under wmu too, so
// that the writer can read them holding wmu alone.
type Conn struct {
	mu  sync.Mutex
	wmu sync.Mutex
	// Settings from peer: (also guarded by wmu)
	maxSize uint32
}

func (c *Conn) WriteHeaders(p []byte) int {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return min(len(p), int(c.maxSize))
}

type readLoop struct{ c *Conn }

// processSettings holds wmu around processNoWrite, which takes mu and
// hands ForEach a literal that ForEach runs before returning: the
// write holds both.
func (rl *readLoop) processSettings(f *Frame) {
	c := rl.c
	c.wmu.Lock()
	defer c.wmu.Unlock()
	rl.processNoWrite(f)
}

func (rl *readLoop) processNoWrite(f *Frame) {
	c := rl.c
	c.mu.Lock()
	defer c.mu.Unlock()
	f.ForEach(func(v uint32) {
		c.maxSize = v
	})
}

func (rl *readLoop) Run(f *Frame) { rl.processSettings(f) }
