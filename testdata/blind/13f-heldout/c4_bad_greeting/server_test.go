package smtpish

import (
	"bufio"
	"net"
	"strings"
	"testing"
	"time"
)

func TestGreetingCarriesHostname(t *testing.T) {
	client, server := net.Pipe()
	defer client.Close()

	srv := &Server{
		Hostname: "mx.test",
		Banner: func() (string, error) {
			time.Sleep(20 * time.Millisecond)
			return "submission ready", nil
		},
	}
	go srv.ServeConn(server)

	ready := make(chan struct{})
	var greeting string
	go func() {
		client.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
		line, err := bufio.NewReader(client).ReadString('\n')
		if err != nil {
			t.Errorf("reading greeting: %v", err)
			return
		}
		greeting = line
		close(ready)
	}()

	<-ready
	if !strings.HasPrefix(greeting, "220 mx.test ") {
		t.Fatalf("greeting = %q", greeting)
	}
}
