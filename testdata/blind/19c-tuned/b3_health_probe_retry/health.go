package b3_health_probe_retry

import (
	"fmt"
	"net"
	"time"
)

// Checker probes a TCP endpoint by dialing it and reading a one-line banner.
type Checker struct {
	Addr string
}

func (c *Checker) Probe() (string, error) {
	conn, err := net.Dial("tcp", c.Addr)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	buf := make([]byte, 64)
	n, err := conn.Read(buf)
	if err != nil {
		return "", fmt.Errorf("read banner: %w", err)
	}
	return string(buf[:n]), nil
}

// slowBanner accepts connections and writes a banner after delay.
func slowBanner(ln net.Listener, delay time.Duration) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer conn.Close()
			time.Sleep(delay)
			conn.Write([]byte("OK"))
		}()
	}
}
