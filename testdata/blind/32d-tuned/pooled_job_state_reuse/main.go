// GOOD: runJob takes its state from the pool and calls Reuse while it is the only
// holder; the chunk goroutines it starts report through the locked methods, and the
// state goes back to the pool only after every chunk goroutine has sent its result.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
)

type Job struct {
	ID     string
	Chunks [][]byte
}

type jobState struct {
	mu      sync.Mutex
	jobID   string
	digests map[int]string
	bytes   int
}

func (s *jobState) Reuse(id string) {
	s.jobID = id
	s.bytes = 0
	if s.digests == nil {
		s.digests = make(map[int]string)
	}
	for k := range s.digests {
		delete(s.digests, k)
	}
}

func (s *jobState) addDigest(i int, d string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.digests[i] = d
	s.bytes += n
}

func (s *jobState) summary() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Sprintf("%s: %d chunks, %d bytes", s.jobID, len(s.digests), s.bytes)
}

var statePool = sync.Pool{New: func() any { return new(jobState) }}

func runJob(j Job) string {
	st := statePool.Get().(*jobState)
	st.Reuse(j.ID)

	finished := make(chan struct{}, len(j.Chunks))
	for i, c := range j.Chunks {
		go func(i int, c []byte) {
			sum := sha256.Sum256(c)
			st.addDigest(i, hex.EncodeToString(sum[:4]), len(c))
			finished <- struct{}{}
		}(i, c)
	}
	for range j.Chunks {
		<-finished
	}

	out := st.summary()
	statePool.Put(st)
	return out
}

func worker(jobs <-chan Job, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- runJob(j)
	}
}

func main() {
	jobs := make(chan Job)
	results := make(chan string, 8)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(jobs, results, &wg)
	}
	go func() {
		for i := 0; i < 8; i++ {
			jobs <- Job{ID: fmt.Sprintf("job-%d", i), Chunks: [][]byte{[]byte("alpha"), []byte("beta"), []byte{byte(i)}}}
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	for r := range results {
		fmt.Println(r)
	}
}
