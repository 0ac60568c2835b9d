// Class 4, SILENT: the waiter goroutine sends on exited exactly once, and Run receives from exited in both select arms (directly, or after killing the process on cancel) before closing it, so the close always follows the only send.
package c4_silent_killwait

import (
	"context"
	"os/exec"
)

type Result struct {
	Code int
	Err  error
}

func Run(ctx context.Context, name string, args ...string) Result {
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return Result{Code: -1, Err: err}
	}

	exited := make(chan error)
	go func() {
		exited <- cmd.Wait()
	}()

	var err error
	select {
	case err = <-exited:
	case <-ctx.Done():
		_ = cmd.Process.Kill()
		err = <-exited
		if err == nil {
			err = ctx.Err()
		}
	}
	close(exited)

	code := 0
	if cmd.ProcessState != nil {
		code = cmd.ProcessState.ExitCode()
	}
	return Result{Code: code, Err: err}
}
