package resize

import (
	"fmt"
	"strings"
)

// Job describes one image to be resized.
type Job struct {
	Name   string
	Width  int
	Height int
}

// Result is the outcome of resizing one Job.
type Result struct {
	Name string
	Out  string
	Err  error
}

// Resizer converts jobs into thumbnails.
type Resizer struct {
	MaxSide int
}

// Run resizes every job in order and reports one Result per job on out.
func (r *Resizer) Run(jobs []Job, out chan<- Result) {
	for _, j := range jobs {
		out <- r.resize(j)
	}
}

func (r *Resizer) resize(j Job) Result {
	if j.Width <= 0 || j.Height <= 0 {
		return Result{Name: j.Name, Err: fmt.Errorf("resize %s: bad size %dx%d", j.Name, j.Width, j.Height)}
	}
	w, h := j.Width, j.Height
	for w > r.MaxSide || h > r.MaxSide {
		w, h = w/2, h/2
	}
	return Result{Name: j.Name, Out: fmt.Sprintf("%s@%dx%d", strings.TrimSuffix(j.Name, ".png"), w, h)}
}
