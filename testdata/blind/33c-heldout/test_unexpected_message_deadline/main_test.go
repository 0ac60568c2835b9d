// GOOD: the reader goroutine sends only when the server writes to an unauthenticated
// client, which must not happen; receiving sets noMessages = false and fails the assertion after the loop.
package chat

import (
	"bufio"
	"context"
	"net"
	"testing"
	"time"
)

func TestNoReplyBeforeAuth(t *testing.T) {
	client, server := net.Pipe()
	defer client.Close()
	s := &Server{Token: "s3cret"}
	go s.Serve(server)

	unexpected := make(chan string)
	go func() {
		line, err := bufio.NewReader(client).ReadString('\n')
		if err != nil {
			return
		}
		unexpected <- line
	}()

	if _, err := client.Write([]byte("hello everyone\n")); err != nil {
		t.Fatalf("write: %v", err)
	}
	if _, err := client.Write([]byte("AUTH wrong\n")); err != nil {
		t.Fatalf("write: %v", err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
	defer cancel()

	noMessages := true
	var msg string
	select {
	case msg = <-unexpected:
		noMessages = false
	case <-ctx.Done():
	}
	if !noMessages {
		t.Errorf("server replied %q before authentication", msg)
	}
}
