package build

import (
	"fmt"
	"os/exec"
	"strings"
	"time"
)

type Step struct {
	Name string
	Args []string
}

type Run struct {
	steps []Step
	done  chan struct{}

	log      strings.Builder
	failed   string
	err      error
	elapsed  time.Duration
	finished time.Time
}

func Launch(steps []Step) *Run {
	r := &Run{steps: steps, done: make(chan struct{})}
	go r.execute()
	return r
}

func (r *Run) execute() {
	start := time.Now()
	for _, s := range r.steps {
		fmt.Fprintf(&r.log, "==> %s\n", s.Name)
		out, err := exec.Command(s.Args[0], s.Args[1:]...).CombinedOutput()
		r.log.Write(out)
		if err != nil {
			r.failed = s.Name
			r.err = err
			break
		}
	}
	r.elapsed = time.Since(start)
	r.finished = time.Now()
	close(r.done)
}

func (r *Run) Status() string {
	select {
	case <-r.done:
		if r.err != nil {
			return fmt.Sprintf("failed at %s after %s", r.failed, r.elapsed)
		}
		return fmt.Sprintf("ok in %s", r.elapsed)
	default:
		return "running"
	}
}

func (r *Run) Wait() (string, error) {
	<-r.done
	return r.log.String(), r.err
}

func (r *Run) WaitTimeout(d time.Duration) (bool, error) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-r.done:
		return true, r.err
	case <-t.C:
		return false, nil
	}
}
