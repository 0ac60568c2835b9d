// Package testfail: a receiver that returns without receiving only
// after its test has failed strands its goroutine only in a failed
// run.
package testfail

import "errors"

func work() error { return errors.New("x") }

func serve() error { return nil }
