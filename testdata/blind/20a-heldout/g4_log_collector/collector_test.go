package g4_log_collector

import (
	"context"
	"net"
	"sync"
	"testing"
	"time"
)

func TestCollect(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip("no loopback:", err)
	}
	var mu sync.Mutex
	var got []string
	got1 := make(chan struct{}, 1)
	c := &Collector{Sink: func(_, line string) {
		mu.Lock()
		got = append(got, line)
		mu.Unlock()
		got1 <- struct{}{}
	}}
	go c.Serve(ln)

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	conn.Write([]byte("level=info msg=started\n"))
	<-got1
	conn.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := c.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 {
		t.Fatalf("got %v", got)
	}
}
