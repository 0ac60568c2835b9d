package greeting

import (
	"bufio"
	"fmt"
	"net"
	"strings"
	"time"
)

const protoVersion = "GW/1.2"

// Greet writes the server banner to a freshly accepted connection.
func Greet(c net.Conn, node string) error {
	if err := c.SetWriteDeadline(time.Now().Add(time.Second)); err != nil {
		return err
	}
	_, err := fmt.Fprintf(c, "%s %s ready\n", protoVersion, node)
	return err
}

// ParseBanner splits a banner line into protocol version and node name.
func ParseBanner(line string) (version, node string, err error) {
	fields := strings.Fields(strings.TrimSpace(line))
	if len(fields) != 3 || fields[2] != "ready" {
		return "", "", fmt.Errorf("malformed banner %q", line)
	}
	return fields[0], fields[1], nil
}

// ReadBanner reads one banner line from r.
func ReadBanner(r *bufio.Reader) (string, string, error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return "", "", err
	}
	return ParseBanner(line)
}
