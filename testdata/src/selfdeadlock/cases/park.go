package cases

import "context"

// A command runs on a goroutine of its own; its error comes back on
// the channel goC returns.
type command struct {
	run func(context.Context) error
}

func goC(ctx context.Context, run func(context.Context) error) chan error {
	errs := make(chan error, 1)
	cmd := &command{run: run}
	go func() { errs <- cmd.run(ctx) }()
	return errs
}
