package chunkstore

import "testing"

func TestDecodeConcurrent(t *testing.T) {
	decoders := []func(uint64, []byte) int{
		func(_ uint64, p []byte) int { return len(p) },
		func(seq uint64, p []byte) int { return len(p) / 2 },
		func(_ uint64, p []byte) int {
			n := 0
			for _, b := range p {
				if b == '\n' {
					n++
				}
			}
			return n
		},
	}
	for i := 0; i < 50; i++ {
		c := Load(uint64(i), "segment-7", []byte("line one\nline two\n"))
		if got := Decode(c, decoders); got == 0 {
			t.Fatalf("decode %d: nothing consumed", i)
		}
	}
}
