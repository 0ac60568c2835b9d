// Package testassert: a test that hands the outcome of a timed wait to
// an assertion helper of its own strands its goroutine only when that
// helper fails the test on the timeout.
package testassert

func compute() int { return 42 }
