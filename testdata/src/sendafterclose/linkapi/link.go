// Package linkapi is linktest's link with an exported function that
// writes into a link's input: API a client may call at any time, after
// the goroutine closed the input: reported.
package linkapi

import "context"

type Link struct {
	input  chan []byte
	output chan []byte
}

func NewLink() *Link {
	return &Link{input: make(chan []byte, 16), output: make(chan []byte, 16)}
}

func (l *Link) Start(ctx context.Context) {
	go func() {
		<-ctx.Done()
		close(l.input) // want `close of l.input in a goroutine is not ordered after the send in exported Inject: the send may panic`
	}()
}

// Inject writes p into the link as if its source had sent it.
func Inject(l *Link, p []byte) {
	l.input <- p
}
