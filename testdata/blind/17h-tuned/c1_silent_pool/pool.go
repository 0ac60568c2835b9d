package main

import (
	"fmt"
	"hash/crc32"
	"sync"
)

type Task struct {
	ID      int
	Payload []byte
}

type Result struct {
	TaskID   int
	Checksum uint32
}

// ChecksumPool computes checksums for a fixed batch of tasks with N workers.
type ChecksumPool struct {
	jobs    chan Task
	results chan Result
	quit    chan struct{}
	workers sync.WaitGroup
}

func NewChecksumPool(tasks []Task, n int) *ChecksumPool {
	p := &ChecksumPool{
		jobs:    make(chan Task, len(tasks)),
		results: make(chan Result, n),
		quit:    make(chan struct{}),
	}
	for _, t := range tasks {
		p.jobs <- t
	}
	close(p.jobs)
	for i := 0; i < n; i++ {
		p.workers.Add(1)
		go p.work()
	}
	return p
}

func (p *ChecksumPool) work() {
	defer p.workers.Done()
	for t := range p.jobs {
		r := Result{TaskID: t.ID, Checksum: crc32.ChecksumIEEE(t.Payload)}
		select {
		case p.results <- r:
		case <-p.quit:
			return
		}
	}
}

func (p *ChecksumPool) Results() <-chan Result { return p.results }

// Stop abandons remaining work, waits for every worker to return and then
// closes the results channel so readers can finish ranging.
func (p *ChecksumPool) Stop() {
	close(p.quit)
	p.workers.Wait()
	close(p.results)
}

func main() {
	var tasks []Task
	for i := 0; i < 50; i++ {
		tasks = append(tasks, Task{ID: i, Payload: []byte(fmt.Sprintf("blob-%03d", i))})
	}
	p := NewChecksumPool(tasks, 4)
	got := 0
	for r := range p.Results() {
		got++
		if r.TaskID < 0 {
			break
		}
		if got == 10 {
			break
		}
	}
	go p.Stop()
	for range p.Results() {
		got++
	}
	fmt.Println("results seen:", got)
}
