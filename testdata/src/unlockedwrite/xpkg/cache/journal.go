package cache

import (
	"bufio"
	"io"
	"sync"
)

// Journal's writer goroutine writes through j.w without the lock: the
// bufio.Writer is another object, which only that goroutine uses until
// Close has waited for it (<-j.exit). The guard of the field w (the
// pointer) does not cover the writer's own state.
type Journal struct {
	mu    sync.Mutex
	lines [][]byte
	w     *bufio.Writer
	exit  chan struct{}
}

func OpenJournal(w io.Writer) *Journal {
	j := &Journal{w: bufio.NewWriter(w), exit: make(chan struct{})}
	go j.loop()
	return j
}

func (j *Journal) Add(line []byte) {
	j.mu.Lock()
	j.lines = append(j.lines, line)
	j.mu.Unlock()
}

func (j *Journal) loop() {
	defer close(j.exit)
	for {
		j.mu.Lock()
		if len(j.lines) == 0 {
			j.mu.Unlock()
			return
		}
		line := j.lines[0]
		j.lines = j.lines[1:]
		j.mu.Unlock()
		j.w.Write(line) // silent: writes the bufio.Writer, not j.w
	}
}

func (j *Journal) Close() error {
	<-j.exit
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.w.Flush()
}
