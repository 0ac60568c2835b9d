// Package b4_migration_runner applies independent schema migrations
// concurrently and retries the ones that fail with a transient error.
package b4_migration_runner

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

var ErrTransient = errors.New("transient")

type Step struct {
	Name  string
	Apply func() error
}

type StepError struct {
	Step string
	Err  error
}

type Report struct {
	Applied []string
	Failed  []StepError
}

type Runner struct {
	backoff time.Duration
}

func NewRunner(backoff time.Duration) *Runner { return &Runner{backoff: backoff} }

func (r *Runner) Run(steps []Step) Report {
	applied := make(chan string)
	failed := make(chan StepError)
	var rep Report
	var collectors sync.WaitGroup
	collectors.Add(2)
	go func() {
		defer collectors.Done()
		for name := range applied {
			rep.Applied = append(rep.Applied, name)
		}
	}()
	go func() {
		defer collectors.Done()
		for fe := range failed {
			rep.Failed = append(rep.Failed, fe)
		}
	}()

	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		retry []Step
	)
	for _, s := range steps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := s.Apply()
			switch {
			case err == nil:
				applied <- s.Name
			case errors.Is(err, ErrTransient):
				mu.Lock()
				retry = append(retry, s)
				mu.Unlock()
			default:
				failed <- StepError{Step: s.Name, Err: err}
			}
		}()
	}
	wg.Wait()

	// Second pass for the transient failures.
	for _, s := range retry {
		go r.retryStep(s, applied, failed)
	}

	close(applied) // BAD: retry workers started after wg.Wait may still send on applied
	close(failed)  // BAD: retry workers started after wg.Wait may still send on failed
	collectors.Wait()
	return rep
}

func (r *Runner) retryStep(s Step, applied chan<- string, failed chan<- StepError) {
	time.Sleep(r.backoff)
	if err := s.Apply(); err != nil {
		failed <- StepError{Step: s.Name, Err: fmt.Errorf("after retry: %w", err)}
		return
	}
	applied <- s.Name
}
