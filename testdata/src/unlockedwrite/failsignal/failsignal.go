// Package failsignal: tests whose goroutines tell the test, through a
// variable they share without a lock, that something failed.
package failsignal

import "errors"

func write(i int) error {
	if i < 0 {
		return errors.New("negative")
	}
	return nil
}
