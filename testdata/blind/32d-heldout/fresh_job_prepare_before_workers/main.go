// GOOD: Upload allocates a fresh job and prepare fills its guarded fields before the
// worker goroutines are started; the go statements order those writes before every
// locked access, and the job is never visible to anyone else until Upload returns.
package uploader

import (
	"errors"
	"fmt"
	"sync"
)

type Store interface {
	Put(name string, data []byte) error
}

type Progress struct {
	Done, Failed, Total int
}

type uploadJob struct {
	mu      sync.Mutex
	pending []string
	done    int
	failed  []error
	total   int
}

func (j *uploadJob) prepare(names []string) {
	j.pending = append(j.pending[:0], names...)
	j.total = len(names)
	j.done = 0
	j.failed = nil
}

func (j *uploadJob) next() (string, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.pending) == 0 {
		return "", false
	}
	n := j.pending[len(j.pending)-1]
	j.pending = j.pending[:len(j.pending)-1]
	return n, true
}

func (j *uploadJob) record(name string, err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if err != nil {
		j.failed = append(j.failed, fmt.Errorf("%s: %w", name, err))
		return
	}
	j.done++
}

func (j *uploadJob) progress() Progress {
	j.mu.Lock()
	defer j.mu.Unlock()
	return Progress{Done: j.done, Failed: len(j.failed), Total: j.total}
}

func (j *uploadJob) err() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return errors.Join(j.failed...)
}

// Upload sends every file to the store using the given number of workers.
func Upload(st Store, files map[string][]byte, workers int) (Progress, error) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}

	j := &uploadJob{}
	j.prepare(names)

	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				name, ok := j.next()
				if !ok {
					return
				}
				j.record(name, st.Put(name, files[name]))
			}
		}()
	}
	wg.Wait()
	return j.progress(), j.err()
}
