// Package fetch gives up early without cancelling its context.
package fetch

import (
	"context"
	"errors"
	"time"
)

// ErrEmpty is returned for an empty key.
var ErrEmpty = errors.New("empty key")

// Get asks lookup for key, waiting at most a second.
func Get(ctx context.Context, key string, lookup func(context.Context, string) <-chan string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Second) // finding: missingcancel
	if key == "" {
		return "", ErrEmpty
	}
	select {
	case v := <-lookup(ctx, key):
		cancel()
		return v, nil
	case <-ctx.Done():
		cancel()
		return "", ctx.Err()
	}
}
