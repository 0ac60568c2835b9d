package b4_job_runner_cmds

import "testing"

// startRunner drives a Runner on its own goroutine, the way the daemon does.
func startRunner(t *testing.T) (chan<- Command, <-chan string) {
	t.Helper()
	cmds := make(chan Command)
	outs := make(chan string)
	go func() {
		r := &Runner{}
		for {
			c, ok := <-cmds // BAD: test returns on success without closing cmds; runner blocks here forever
			if !ok {
				close(outs)
				return
			}
			outs <- r.Apply(c)
		}
	}()
	return cmds, outs
}

func TestRunnerReachesTarget(t *testing.T) {
	cmds, outs := startRunner(t)

	script := []Command{
		{Op: "append", Arg: "go"},
		{Op: "append", Arg: "pher"},
		{Op: "upper"},
		{Op: "append", Arg: "!"},
	}
	const target = "GOPHER"
	for i, c := range script {
		cmds <- c
		got := <-outs
		if got == target {
			t.Logf("reached %q after %d commands", target, i+1)
			return
		}
	}
	close(cmds)
	t.Fatalf("never reached %q", target)
}
