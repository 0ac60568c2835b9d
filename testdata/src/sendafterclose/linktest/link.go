// Package linktest is a proxy link: Start runs a goroutine that closes
// the link's input when the context ends. Only the package's tests
// send on a link's input, on links they build by hand: a function of a
// _test.go file, exported or not, is no client of the package (the test
// runner calls it, no importer can), so nothing is reported. linkapi is
// the twin with an exported sender.
package linktest

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
		close(l.input)
	}()
}
