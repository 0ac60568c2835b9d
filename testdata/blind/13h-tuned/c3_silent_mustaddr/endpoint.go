package netcfg

import (
	"fmt"
	"net"
	"strconv"
)

type Endpoint struct {
	host  string
	port  int
	valid bool
}

func ParseEndpoint(s string) (Endpoint, error) {
	host, portStr, err := net.SplitHostPort(s)
	if err != nil {
		return Endpoint{}, err
	}
	port, err := strconv.Atoi(portStr)
	if err != nil || port <= 0 || port > 65535 {
		return Endpoint{}, fmt.Errorf("netcfg: bad port in %q", s)
	}
	if host == "" {
		host = "localhost"
	}
	return Endpoint{host: host, port: port, valid: true}, nil
}

// MustAddr returns host:port and panics on an endpoint that did not parse.
func (e Endpoint) MustAddr() string {
	if !e.valid {
		panic("netcfg: MustAddr on invalid endpoint")
	}
	return net.JoinHostPort(e.host, strconv.Itoa(e.port))
}
