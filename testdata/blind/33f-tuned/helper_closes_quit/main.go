// GOOD: waitFor closes the quit channel when it gives up, and the worker selects on
// quit alongside its send, so the worker always exits even though the result channel
// is unbuffered and the caller has returned an error.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// ErrSlowDisk is returned when hashing exceeds the configured budget.
var ErrSlowDisk = errors.New("checksum: timed out")

// waitFor returns the next value from ch, or the zero value and false after d.
// It closes quit when it gives up so the sender can abandon its send.
func waitFor[T any](ch <-chan T, quit chan struct{}, d time.Duration) (T, bool) {
	select {
	case v := <-ch:
		return v, true
	case <-time.After(d):
		close(quit)
		var zero T
		return zero, false
	}
}

type digest struct {
	sum string
	err error
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Checksum hashes path, giving up after budget.
func Checksum(path string, budget time.Duration) (string, error) {
	results := make(chan digest)
	quit := make(chan struct{})
	go func() {
		sum, err := hashFile(path)
		select {
		case results <- digest{sum: sum, err: err}:
		case <-quit:
		}
	}()

	d, ok := waitFor(results, quit, budget)
	if !ok {
		return "", fmt.Errorf("%w after %v: %s", ErrSlowDisk, budget, path)
	}
	return d.sum, d.err
}

func main() {
	for _, p := range os.Args[1:] {
		sum, err := Checksum(p, 5*time.Second)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		fmt.Printf("%s  %s\n", sum, p)
	}
}
