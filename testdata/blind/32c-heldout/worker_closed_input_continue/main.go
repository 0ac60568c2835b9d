// BAD: each worker started by NewHasherPool receives with v, ok := <-jobs and does `continue` when
// ok is false, so once Close closes the jobs channel every worker spins for ever and Close's Wait never returns.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
)

// Job asks for the digest of a blob.
type Job struct {
	ID   int
	Name string
	Data []byte
}

// Result is the digest of one job.
type Result struct {
	JobID  int
	Worker int
	Digest string
}

// HasherPool hashes blobs on a fixed number of workers.
type HasherPool struct {
	jobs    chan Job
	results chan Result
	wg      sync.WaitGroup
}

// NewHasherPool starts n workers.
func NewHasherPool(n int) *HasherPool {
	p := &HasherPool{
		jobs:    make(chan Job, n*2),
		results: make(chan Result, n*2),
	}
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go p.worker(i) // want "does not terminate|never terminates"
	}
	return p
}

func (p *HasherPool) worker(id int) {
	defer p.wg.Done()
	for {
		job, ok := <-p.jobs
		if !ok {
			// queue drained; nothing to do
			continue
		}
		p.results <- p.hash(id, job)
	}
}

func (p *HasherPool) hash(worker int, job Job) Result {
	sum := sha256.Sum256(job.Data)
	return Result{JobID: job.ID, Worker: worker, Digest: hex.EncodeToString(sum[:])}
}

// Submit queues a job.
func (p *HasherPool) Submit(j Job) { p.jobs <- j }

// Results exposes the result stream.
func (p *HasherPool) Results() <-chan Result { return p.results }

// Close stops accepting work, waits for the workers and closes Results.
func (p *HasherPool) Close() {
	close(p.jobs)
	p.wg.Wait()
	close(p.results)
}

func main() {
	p := NewHasherPool(3)
	blobs := []string{"alpha", "beta", "gamma", "delta"}
	go func() {
		for i, b := range blobs {
			p.Submit(Job{ID: i, Name: b, Data: []byte(b)})
		}
		p.Close()
	}()
	for r := range p.Results() {
		fmt.Printf("job %d (worker %d): %s\n", r.JobID, r.Worker, r.Digest[:12])
	}
}
