// Package laterrecv: a send on an unbuffered channel whose only
// receive comes later in the same goroutine, also when the channel is
// closed in between.
package laterrecv

import "strings"

// Bad: the warnings are drained only after the loop that produces
// them; the first warning blocks the loop for ever.
func lintNames(names []string) []string {
	warnings := make(chan string)
	for _, n := range names {
		if strings.ToUpper(n) == n {
			warnings <- n + ": all caps" // want `send on unbuffered channel warnings blocks forever: no other goroutine can receive from it`
		}
	}
	close(warnings)
	var out []string
	for w := range warnings {
		out = append(out, w)
	}
	return out
}

// Bad: one send, then the close and the receive.
func firstErr(err error) error {
	errc := make(chan error)
	if err != nil {
		errc <- err // want `send on unbuffered channel errc blocks forever: no other goroutine can receive from it`
	}
	close(errc)
	return <-errc
}

// Near-misses, silent.

// The buffer holds one value per name: no send blocks.
func lintNamesBuffered(names []string) []string {
	warnings := make(chan string, len(names))
	for _, n := range names {
		if strings.ToUpper(n) == n {
			warnings <- n
		}
	}
	close(warnings)
	var out []string
	for w := range warnings {
		out = append(out, w)
	}
	return out
}

// A known buffer larger than the single send.
func firstErrBuffered(err error) error {
	errc := make(chan error, 1)
	if err != nil {
		errc <- err
	}
	close(errc)
	return <-errc
}

// The receiver runs in its own goroutine, started before the sends.
func lintNamesConcurrent(names []string) []string {
	warnings := make(chan string)
	done := make(chan []string)
	go func() {
		var out []string
		for w := range warnings {
			out = append(out, w)
		}
		done <- out
	}()
	for _, n := range names {
		if strings.ToUpper(n) == n {
			warnings <- n
		}
	}
	close(warnings)
	return <-done
}

// The close comes first: the send panics, which is sendafterclose's
// report, not a blocked send.
func closedFirst(err error) {
	errc := make(chan error)
	close(errc)
	if err != nil {
		errc <- err
	}
}

// A select with a default never blocks.
func tryReport(err error) error {
	errc := make(chan error)
	select {
	case errc <- err:
	default:
	}
	close(errc)
	return <-errc
}
