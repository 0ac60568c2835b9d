// Package logseq appends log records from many writers to a single journal
// in the order their tickets were issued.
package logseq

import (
	"fmt"
	"strings"
	"sync"
)

// Journal accepts records from concurrent writers and keeps them in ticket order.
type Journal struct {
	mu    sync.Mutex
	next  int
	turns []chan struct{}

	records []string
	bytes   int
}

// NewJournal prepares a journal for up to capacity records.
func NewJournal(capacity int) *Journal {
	j := &Journal{turns: make([]chan struct{}, capacity+1)}
	for i := range j.turns {
		j.turns[i] = make(chan struct{})
	}
	close(j.turns[0])
	return j
}

// Ticket reserves the next position in the journal.
func (j *Journal) Ticket() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	t := j.next
	j.next++
	return t
}

// Append writes rec at the position reserved by ticket t. It waits for the
// previous ticket to finish before writing.
func (j *Journal) Append(t int, rec string) {
	<-j.turns[t]
	line := fmt.Sprintf("%06d %s", t, rec)
	j.records = append(j.records, line)
	j.bytes += len(line)
	close(j.turns[t+1])
}

// Dump renders the journal; call it after all writers are done.
func (j *Journal) Dump() string {
	var b strings.Builder
	for _, r := range j.records {
		b.WriteString(r)
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "# %d records, %d bytes\n", len(j.records), j.bytes)
	return b.String()
}

// WriteAll writes msgs from one goroutine per message and returns the journal text.
func WriteAll(msgs []string) string {
	j := NewJournal(len(msgs))
	tickets := make([]int, len(msgs))
	for i := range msgs {
		tickets[i] = j.Ticket()
	}
	var wg sync.WaitGroup
	for i, m := range msgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			j.Append(tickets[i], m)
		}()
	}
	wg.Wait()
	return j.Dump()
}
