package b4_job_runner_cmds

import "strings"

// Command is a unit of work for a Runner.
type Command struct {
	Op  string
	Arg string
}

// Runner applies commands to a buffer and records the output.
type Runner struct {
	buf strings.Builder
	log []string
}

func (r *Runner) Apply(c Command) string {
	switch c.Op {
	case "append":
		r.buf.WriteString(c.Arg)
	case "upper":
		s := strings.ToUpper(r.buf.String())
		r.buf.Reset()
		r.buf.WriteString(s)
	case "reset":
		r.buf.Reset()
	}
	out := r.buf.String()
	r.log = append(r.log, c.Op+":"+out)
	return out
}

func (r *Runner) History() []string { return append([]string(nil), r.log...) }
