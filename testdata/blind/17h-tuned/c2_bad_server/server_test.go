package echo

import (
	"bufio"
	"fmt"
	"net"
	"testing"
	"time"
)

func TestEchoClients(t *testing.T) {
	srv, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}

	const clients = 4
	echoed := make([]int, clients)
	for i := 0; i < clients; i++ {
		go func() {
			conn, err := net.Dial("tcp", srv.Addr())
			if err != nil {
				return
			}
			defer conn.Close()
			r := bufio.NewReader(conn)
			for j := 0; j < 3; j++ {
				fmt.Fprintf(conn, "client %d line %d\n", i, j)
				if _, err := r.ReadString('\n'); err != nil {
					return
				}
				echoed[i]++
			}
		}()
	}

	time.Sleep(100 * time.Millisecond)
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}

	for i, n := range echoed {
		if n != 3 {
			t.Errorf("client %d got %d echoes, want 3", i, n)
		}
	}
}
