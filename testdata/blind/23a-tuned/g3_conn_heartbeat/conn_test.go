package g3_conn_heartbeat

import (
	"net"
	"testing"
	"time"
)

func TestCloseStopsHeartbeat(t *testing.T) {
	client, server := net.Pipe()
	defer server.Close()
	go func() {
		buf := make([]byte, 64)
		for {
			if _, err := server.Read(buf); err != nil {
				return
			}
		}
	}()
	c := NewConn(client, 10*time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-c.Done():
	case <-time.After(time.Second):
		t.Fatal("heartbeat did not stop")
	}
}
