package entries

import "sync"

// gate is a mutex made of a channel with room for one: acquire puts a
// token in, release takes it out.
type gate chan struct{}

func newGate() gate { return make(gate, 1) }

func (g gate) acquire() { g <- struct{}{} }

func (g gate) release() { <-g }

type frameWriter struct {
	writeMu gate
	buf     []byte
	frames  int
}

func (w *frameWriter) writeFrame(p []byte) {
	w.buf = append(w.buf[:0], p...)
	w.frames++
}

// Silent: every frame is written while the goroutine holds the gate.
func (w *frameWriter) Write(p []byte) {
	w.writeMu.acquire()
	defer w.writeMu.release()
	w.writeFrame(p)
}

func writeAll(w *frameWriter, msgs [][]byte) {
	var wg sync.WaitGroup
	for _, m := range msgs {
		wg.Go(func() { w.Write(m) })
	}
	wg.Wait()
}

// The same writer without the gate races.
type bareWriter struct{ frames int }

func (w *bareWriter) Write(p []byte) {
	w.frames++ // want `write to w.frames in a goroutine started in a loop races with the other goroutines`
}

func writeAllBare(w *bareWriter, msgs [][]byte) {
	var wg sync.WaitGroup
	for _, m := range msgs {
		wg.Go(func() { w.Write(m) })
	}
	wg.Wait()
}
