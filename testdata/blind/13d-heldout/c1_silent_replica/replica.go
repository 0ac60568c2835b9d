package replica

import (
	"bufio"
	"fmt"
	"net"
	"strconv"
	"strings"
)

// Follower connects to a leader and reports the log offset it announces.
type Follower struct {
	LeaderAddr string
	Name       string
}

// Handshake sends HELLO and reads back "OFFSET <n>".
func (f *Follower) Handshake(c net.Conn) (int64, error) {
	if _, err := fmt.Fprintf(c, "HELLO %s\n", f.Name); err != nil {
		return 0, err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return 0, err
	}
	rest, ok := strings.CutPrefix(strings.TrimSpace(line), "OFFSET ")
	if !ok {
		return 0, fmt.Errorf("replica: unexpected reply %q", line)
	}
	return strconv.ParseInt(rest, 10, 64)
}

func (f *Follower) Connect() (net.Conn, int64, error) {
	c, err := net.Dial("tcp", f.LeaderAddr)
	if err != nil {
		return nil, 0, err
	}
	off, err := f.Handshake(c)
	if err != nil {
		c.Close()
		return nil, 0, err
	}
	return c, off, nil
}
