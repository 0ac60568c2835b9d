package b4_batcher_bench

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
)

func TestBatcherUnderCPUContention(t *testing.T) {
	// Keep one core busy so Add has to compete for CPU.
	var stopHog atomic.Bool
	go func() { // BAD: busy loop with no exit; the stop check only yields, so it burns a CPU for the rest of the binary
		for {
			if stopHog.Load() {
				runtime.Gosched()
			}
		}
	}()
	defer stopHog.Store(true)

	b := NewBatcher(4, 8)
	for i := 0; i < 10; i++ {
		b.Add(i)
	}
	b.Flush()
	n := 0
	for len(b.Flushed()) > 0 {
		n += len(<-b.Flushed())
	}
	if n != 10 || b.Total() != 10 {
		t.Fatalf("flushed %d items, total %d", n, b.Total())
	}
}

func BenchmarkBatcherAdd(b *testing.B) {
	for _, size := range []int{1, 16, 256} {
		b.Run(fmt.Sprintf("size=%d", size), func(b *testing.B) {
			bt := NewBatcher(size, 4)
			go func() { // BAD: each b.Run (and each of its N-ramping reruns) starts another drain goroutine that never exits
				for {
					<-bt.flushed
				}
			}()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				bt.Add(i)
			}
		})
	}
}
