package b3_journal_writer

import (
	"bufio"
	"fmt"
	"io"
	"sync"
)

// Record is one key/value mutation appended to the journal.
type Record struct {
	Key   string
	Value string
}

type appendResult struct {
	seq int64
	err error
}

type appendReq struct {
	rec   Record
	reply chan appendResult
}

// Journal serialises appends to an underlying writer through a single goroutine.
type Journal struct {
	appends chan appendReq
	syncs   chan chan error

	mu  sync.Mutex
	err error // first write error; the writer goroutine exits once it is set
}

// Open starts the journal writer goroutine on w.
func Open(w io.Writer) *Journal {
	j := &Journal{
		appends: make(chan appendReq),
		syncs:   make(chan chan error),
	}
	go j.writeLoop(bufio.NewWriter(w))
	return j
}

func (j *Journal) writeLoop(buf *bufio.Writer) {
	var seq int64
	for {
		select {
		case req := <-j.appends:
			seq++
			if _, err := fmt.Fprintf(buf, "%d\t%s\t%s\n", seq, req.rec.Key, req.rec.Value); err != nil {
				j.fail(err)
				req.reply <- appendResult{err: err}
				return
			}
			req.reply <- appendResult{seq: seq}
		case done := <-j.syncs:
			err := buf.Flush()
			done <- err
			if err != nil {
				j.fail(err)
				return
			}
		}
	}
}

func (j *Journal) fail(err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.err == nil {
		j.err = err
	}
}

// Err reports the error that stopped the journal, if any.
func (j *Journal) Err() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.err
}

// Append writes rec and returns its sequence number.
func (j *Journal) Append(rec Record) (int64, error) {
	if err := j.Err(); err != nil {
		return 0, err
	}
	req := appendReq{rec: rec, reply: make(chan appendResult, 1)}
	j.appends <- req // BAD: writeLoop may have returned after a failed write since the Err check; this send then blocks forever
	res := <-req.reply
	return res.seq, res.err
}

// Sync flushes buffered records to the underlying writer.
func (j *Journal) Sync() error {
	if err := j.Err(); err != nil {
		return err
	}
	done := make(chan error, 1)
	j.syncs <- done // BAD: writeLoop returns on a write/flush error; a concurrent Sync then blocks on this send forever
	return <-done
}
