// A server goroutine that reports its error to main, which returns on
// an interrupt instead: main's return ends the process, and the sender
// with it. The same shape in a function that returns to its caller
// strands the sender.
package main

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()
	srvCh := make(chan error)
	go func() {
		if err := http.Serve(ln, nil); err != nil && !errors.Is(err, http.ErrServerClosed) {
			srvCh <- err
		}
	}()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	select {
	case err := <-srvCh:
		fmt.Println(err)
	case <-sig:
		fmt.Println("interrupted")
	}
}

// serve is main's shape in a function its caller outlives.
func serve(ln net.Listener, stop <-chan struct{}) {
	srvCh := make(chan error) // want `goroutine leak: the send on unbuffered channel srvCh blocks forever once the receiver returns without receiving`
	go func() {
		if err := http.Serve(ln, nil); err != nil {
			srvCh <- err
		}
	}()
	select {
	case err := <-srvCh:
		fmt.Println(err)
	case <-stop:
	}
}

var _ = serve
