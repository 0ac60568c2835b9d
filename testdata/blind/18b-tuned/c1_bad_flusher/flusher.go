package main

import (
	"fmt"
	"hash/crc32"
	"strings"
	"time"
)

// Record is a single log line waiting to be persisted.
type Record struct {
	Seq  int
	Body string
}

// FlushResult describes one persisted batch.
type FlushResult struct {
	First, Last int
	Bytes       int
	Checksum    uint32
}

// SegmentFlusher writes batches of records to a segment, one batch at a time,
// and reports each finished batch on Results.
type SegmentFlusher struct {
	Results chan FlushResult
	delay   time.Duration
}

func NewSegmentFlusher(delay time.Duration) *SegmentFlusher {
	return &SegmentFlusher{
		Results: make(chan FlushResult, 4),
		delay:   delay,
	}
}

func (f *SegmentFlusher) encode(batch []Record) []byte {
	var sb strings.Builder
	for _, r := range batch {
		fmt.Fprintf(&sb, "%08d %s\n", r.Seq, r.Body)
	}
	return []byte(sb.String())
}

// Run flushes every batch in the background. A new batch is only started
// once the previous one has been written out.
func (f *SegmentFlusher) Run(batches [][]Record) {
	pending := make(chan struct{}, 1)
	for _, batch := range batches {
		if len(batch) == 0 {
			continue
		}
		pending <- struct{}{}
		go func(batch []Record) {
			defer func() { <-pending }()
			buf := f.encode(batch)
			time.Sleep(f.delay) // simulated fsync
			f.Results <- FlushResult{
				First:    batch[0].Seq,
				Last:     batch[len(batch)-1].Seq,
				Bytes:    len(buf),
				Checksum: crc32.ChecksumIEEE(buf),
			}
		}(batch)
	}
	close(f.Results)
}

func main() {
	f := NewSegmentFlusher(2 * time.Millisecond)
	var batches [][]Record
	seq := 0
	for i := 0; i < 5; i++ {
		var b []Record
		for j := 0; j < 3; j++ {
			seq++
			b = append(b, Record{Seq: seq, Body: fmt.Sprintf("event-%d", seq)})
		}
		batches = append(batches, b)
	}
	go f.Run(batches)
	total := 0
	for res := range f.Results {
		total += res.Bytes
		fmt.Printf("flushed %d..%d (%d bytes, crc %08x)\n", res.First, res.Last, res.Bytes, res.Checksum)
	}
	fmt.Println("total bytes:", total)
}
