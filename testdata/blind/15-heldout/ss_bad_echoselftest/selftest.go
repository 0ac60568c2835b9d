// BAD: SelfTest starts `go srv.serve()`, which only calls net.Listen once it is scheduled, and sleeps 200ms before dialing; if the goroutine has not bound the port by then (slow start, busy host) the dial fails and the self-test reports a healthy binary as broken.
package ss_bad_echoselftest

import (
	"bufio"
	"fmt"
	"log"
	"net"
	"strings"
	"time"
)

// SelfTest boots an echo server on addr and checks that one line comes back.
func SelfTest(addr string) error {
	srv := &echoServer{addr: addr, logf: log.Printf}
	go srv.serve()
	defer srv.stop()

	time.Sleep(200 * time.Millisecond) // WANT sleepsync

	conn, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		return fmt.Errorf("selftest: dial: %w", err)
	}
	defer conn.Close()

	const probe = "selftest-42"
	if _, err := fmt.Fprintf(conn, "%s\n", probe); err != nil {
		return err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return fmt.Errorf("selftest: read: %w", err)
	}
	if strings.TrimSpace(line) != probe {
		return fmt.Errorf("selftest: echoed %q, want %q", line, probe)
	}
	return nil
}
