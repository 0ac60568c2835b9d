package b3_idgen_unique

import (
	"sync"
	"time"
)

const (
	nodeBits = 10
	seqBits  = 12
	maxSeq   = 1<<seqBits - 1
)

// Generator hands out roughly time-ordered 64-bit IDs, snowflake style.
type Generator struct {
	mu     sync.Mutex
	node   uint64
	lastMs int64
	seq    uint64
	now    func() time.Time
}

// NewGenerator returns a generator for the given node number.
func NewGenerator(node uint16) *Generator {
	return &Generator{node: uint64(node) & (1<<nodeBits - 1), now: time.Now}
}

// Next returns a new unique ID.
func (g *Generator) Next() uint64 {
	g.mu.Lock()
	defer g.mu.Unlock()

	ms := g.now().UnixMilli()
	if ms < g.lastMs {
		ms = g.lastMs // clock went backwards: stay on the last tick
	}
	if ms == g.lastMs {
		g.seq = (g.seq + 1) & maxSeq
		if g.seq == 0 {
			for ms <= g.lastMs {
				time.Sleep(100 * time.Microsecond)
				ms = g.now().UnixMilli()
			}
		}
	} else {
		g.seq = 0
	}
	g.lastMs = ms
	return uint64(ms)<<(nodeBits+seqBits) | g.node<<seqBits | g.seq
}

// Node extracts the node number from an ID.
func Node(id uint64) uint16 {
	return uint16(id >> seqBits & (1<<nodeBits - 1))
}
