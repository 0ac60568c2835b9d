// Class 8, BAD: NewHookFromConfig leaves h.run nil when cfg.Command is empty, so Fire takes the nil branch and sends on the unbuffered h.result before the goroutine that receives from it is started: Fire blocks forever.
package c8_bad_runnerunset

import (
	"context"
	"errors"
	"os/exec"
	"strings"
)

var errNoCommand = errors.New("hook: no command configured")

type Config struct {
	Name    string
	Command string
}

type Hook struct {
	name   string
	run    func(ctx context.Context) error
	result chan error
}

func NewHook(name string, fn func(ctx context.Context) error) *Hook {
	return &Hook{name: name, run: fn, result: make(chan error)}
}

func NewHookFromConfig(cfg Config) *Hook {
	h := &Hook{name: cfg.Name, result: make(chan error)}
	if fields := strings.Fields(cfg.Command); len(fields) > 0 {
		h.run = func(ctx context.Context) error {
			return exec.CommandContext(ctx, fields[0], fields[1:]...).Run()
		}
	}
	return h
}

// Fire runs the hook in the background and waits for its result.
func (h *Hook) Fire(ctx context.Context) error {
	if h.run == nil {
		h.result <- errNoCommand // WANT selfdeadlock
	}
	go func() {
		h.result <- h.run(ctx)
	}()
	select {
	case err := <-h.result:
		return err
	case <-ctx.Done():
		<-h.result
		return ctx.Err()
	}
}
