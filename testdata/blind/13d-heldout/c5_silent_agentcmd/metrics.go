package main

import (
	"fmt"
	"io"
	"sync/atomic"
	"time"
)

// flusher writes counter deltas to out at a fixed period.
type flusher struct {
	out      io.Writer
	period   time.Duration
	sent     atomic.Int64
	failures atomic.Int64
}

func startFlusher(out io.Writer, period time.Duration) *flusher {
	f := &flusher{out: out, period: period}
	go func() {
		t := time.NewTicker(f.period)
		var lastSent, lastFail int64
		for {
			select {
			case now := <-t.C:
				s, fl := f.sent.Load(), f.failures.Load()
				fmt.Fprintf(f.out, "%s sent=%d failed=%d\n", now.Format(time.RFC3339), s-lastSent, fl-lastFail)
				lastSent, lastFail = s, fl
			}
		}
	}()
	return f
}
