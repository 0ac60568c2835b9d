// GOOD: recvTimeout returns nil only on timeout while the goroutine always sends a
// non-nil error, and the test fails with t.Fatal whenever it sees nil, so the sender
// can only be stranded in a test that has already failed.
package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"time"
)

// Upstream is a backend a proxy forwards to.
type Upstream struct {
	Addr    string
	Timeout time.Duration
}

var ErrUnreachable = errors.New("upstream unreachable")

// Check dials the upstream once and reports why it is unusable, or nil.
func (u Upstream) Check() error {
	conn, err := net.DialTimeout("tcp", u.Addr, u.Timeout)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrUnreachable, u.Addr, err)
	}
	return conn.Close()
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: upcheck host:port")
		os.Exit(2)
	}
	u := Upstream{Addr: os.Args[1], Timeout: 2 * time.Second}
	if err := u.Check(); err != nil {
		fmt.Println("DOWN:", err)
		os.Exit(1)
	}
	fmt.Println("UP")
}
