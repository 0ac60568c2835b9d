// Package source hands out a channel that its own goroutine closes when
// the context is done; its users cannot see that close.
package source

import "context"

func Subscribe(ctx context.Context) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; ; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
