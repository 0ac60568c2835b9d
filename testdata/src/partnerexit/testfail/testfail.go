// Package testfail: a report counts only in a test. The same shape in
// code that is not a test's, with a logger's Errorf, is still reported.
package testfail

import (
	"errors"
	"io"
)

func load() error { return errors.New("x") }

func next() (string, error) { return "", io.EOF }

type logger interface {
	Errorf(format string, args ...any)
}

func Fetch(log logger) int {
	res := make(chan int)
	go func() {
		if err := load(); err != nil {
			log.Errorf("load: %v", err)
			return
		}
		res <- 1
	}()
	return <-res // want `receive from res may block forever`
}
