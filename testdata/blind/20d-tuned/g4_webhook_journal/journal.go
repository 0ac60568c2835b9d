// Correct: each per-request goroutine is added to j.reqs before it starts and Close waits on j.reqs before closing j.records, then waits on every shard's done channel.
package g4_webhook_journal

import (
	"fmt"
	"hash/fnv"
	"io"
	"net/http"
	"sync"
	"time"
)

type record struct {
	ID      string
	Payload []byte
	At      time.Time
}

// Journal persists incoming webhook deliveries through sharded writers.
type Journal struct {
	mu       sync.Mutex
	stopping bool
	reqs     sync.WaitGroup

	records chan record
	shards  []chan record
	done    []chan struct{}
}

func NewJournal(outs []io.Writer) *Journal {
	j := &Journal{records: make(chan record, 64)}
	for _, w := range outs {
		ch, dn := make(chan record, 16), make(chan struct{})
		j.shards = append(j.shards, ch)
		j.done = append(j.done, dn)
		go shardWriter(w, ch, dn)
	}
	go j.route()
	return j
}

func (j *Journal) route() {
	for r := range j.records {
		h := fnv.New32a()
		h.Write([]byte(r.ID))
		j.shards[int(h.Sum32())%len(j.shards)] <- r
	}
	for _, ch := range j.shards {
		close(ch)
	}
}

func shardWriter(w io.Writer, in <-chan record, done chan<- struct{}) {
	defer close(done)
	for r := range in {
		fmt.Fprintf(w, "%s\t%d\t%x\n", r.ID, r.At.Unix(), r.Payload)
	}
}

// ServeHTTP acknowledges the delivery immediately and journals it in the background.
func (j *Journal) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, err := io.ReadAll(io.LimitReader(req.Body, 1<<20))
	if err != nil {
		http.Error(w, "read body", http.StatusBadRequest)
		return
	}
	j.mu.Lock()
	if j.stopping {
		j.mu.Unlock()
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	j.reqs.Add(1)
	j.mu.Unlock()
	go func(id string) {
		defer j.reqs.Done()
		j.records <- record{ID: id, Payload: body, At: time.Now()}
	}(req.Header.Get("X-Delivery-ID"))
	w.WriteHeader(http.StatusNoContent)
}

// Close stops accepting deliveries and flushes every shard.
func (j *Journal) Close() {
	j.mu.Lock()
	j.stopping = true
	j.mu.Unlock()
	j.reqs.Wait()
	close(j.records)
	for _, d := range j.done {
		<-d
	}
}
