package tsdb

import (
	"encoding/binary"
	"math"
)

func (w *BatchWriter) flush() {
	w.mu.Lock()
	pts := w.buf
	w.buf = nil
	w.mu.Unlock()

	rec := make([]byte, 20)
	n := 0
	for _, p := range pts {
		binary.LittleEndian.PutUint32(rec[0:], p.Series)
		binary.LittleEndian.PutUint64(rec[4:], uint64(p.TS))
		binary.LittleEndian.PutUint64(rec[12:], math.Float64bits(p.Value))
		if _, err := w.out.Write(rec); err != nil {
			break
		}
		n++
	}

	w.mu.Lock()
	w.written += n
	w.mu.Unlock()
}
