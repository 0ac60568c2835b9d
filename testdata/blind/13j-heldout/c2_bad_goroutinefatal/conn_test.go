package conn

import (
	"bufio"
	"net"
	"sync"
	"testing"
	"time"
)

func failf(tb testing.TB, format string, args ...any) {
	tb.Helper()
	tb.Fatalf(format, args...)
}

func TestEchoClient(t *testing.T) {
	srv, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve()

	// Watchdog: tear the server down once the client is done or hangs.
	stop := make(chan struct{})
	go func() {
		select {
		case <-stop:
		case <-time.After(5 * time.Second):
		}
		srv.Close()
	}()

	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		c, err := net.Dial("tcp", srv.Addr())
		if err != nil {
			close(stop)
			failf(t, "dial: %v", err)
		}
		defer c.Close()
		r := bufio.NewReader(c)
		for _, w := range []string{"ping", "pong"} {
			c.Write([]byte(w + "\n"))
			line, err := r.ReadString('\n')
			if err != nil {
				t.Errorf("read: %v", err)
				return
			}
			if want := map[string]string{"ping": "PING\n", "pong": "PONG\n"}[w]; line != want {
				t.Errorf("echo %q = %q, want %q", w, line, want)
			}
		}
	}()

	wg.Wait()
	close(stop)
}
