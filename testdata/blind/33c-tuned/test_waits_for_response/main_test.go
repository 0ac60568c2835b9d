// BAD: the test waits for the server's response with a timeout and fails on it;
// after the timeout nobody receives from the unbuffered channel, so the reader goroutine is stranded on its send.
package echo

import (
	"bufio"
	"io"
	"testing"
	"time"
)

func TestHandlerEchoesUpperCase(t *testing.T) {
	clientR, serverW := io.Pipe()
	serverR, clientW := io.Pipe()
	h := &Handler{Prefix: "> "}

	go func() {
		defer serverW.Close()
		_ = h.Serve(serverR, serverW)
	}()

	go func() {
		_, _ = io.WriteString(clientW, "hello\n")
		clientW.Close()
	}()

	responses := make(chan string) // want "blocks forever"
	go func() {
		line, _ := bufio.NewReader(clientR).ReadString('\n')
		responses <- line
	}()

	select {
	case got := <-responses:
		if want := "> HELLO\n"; got != want {
			t.Fatalf("response = %q, want %q", got, want)
		}
	case <-time.After(500 * time.Millisecond):
		t.Fatal("timed out waiting for echo response")
	}
}
