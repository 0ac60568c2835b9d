package framer

import (
	"encoding/binary"
	"fmt"
	"testing"
)

func TestEncodeAll(t *testing.T) {
	var jobs [][]byte
	for i := 0; i < 50; i++ {
		jobs = append(jobs, []byte(fmt.Sprintf("payload-%d", i)))
	}
	out, n := EncodeAll(jobs, 4)
	if n != len(jobs) {
		t.Fatalf("frames = %d, want %d", n, len(jobs))
	}
	seen := make(map[uint32]bool)
	for len(out) > 0 {
		seq := binary.BigEndian.Uint32(out[0:4])
		size := binary.BigEndian.Uint32(out[4:8])
		if seen[seq] {
			t.Fatalf("duplicate seq %d", seq)
		}
		seen[seq] = true
		out = out[12+size:]
	}
	if len(seen) != len(jobs) {
		t.Fatalf("decoded %d frames, want %d", len(seen), len(jobs))
	}
}
