package g1_fake_broker

import (
	"bufio"
	"context"
	"net"
	"strings"
	"testing"
)

// fakeBroker answers every PUB line with OK until stop is called.
type fakeBroker struct {
	got  chan string
	stop context.CancelFunc
}

// session is what the dial hook hands back to the test for each connection.
type session struct {
	conn   net.Conn
	cancel context.CancelFunc
}

func newFakeBroker() (*fakeBroker, chan session) {
	ctx, cancel := context.WithCancel(context.Background())
	fb := &fakeBroker{got: make(chan string, 8), stop: cancel}
	sessions := make(chan session, 4)
	go func() {
		<-ctx.Done()
		close(sessions)
	}()
	return fb, sessions
}

func (fb *fakeBroker) serve(conn net.Conn) {
	defer conn.Close()
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return
	}
	fb.got <- strings.TrimSpace(line)
	conn.Write([]byte("OK\n"))
}

func TestPublishThroughFake(t *testing.T) {
	fb, sessions := newFakeBroker()

	c := NewClient("broker.test:4222")
	c.Connect = func(ctx context.Context, addr string) (net.Conn, error) {
		connCtx, cancel := context.WithCancel(ctx)
		client, server := net.Pipe()
		go func() {
			<-connCtx.Done()
			server.Close()
		}()
		sessions <- session{conn: server, cancel: cancel}
		go fb.serve(server)
		return client, nil
	}

	if err := c.Publish(context.Background(), "orders", "created"); err != nil {
		t.Fatal(err)
	}
	if got := <-fb.got; got != "PUB orders created" {
		t.Fatalf("broker got %q", got)
	}
	s := <-sessions
	if s.conn == nil {
		t.Fatal("dial hook did not report its session")
	}
}
