// SILENT: after starting the forwarder goroutine, connect retries the dial with exponential backoff until it succeeds, so the sleep only paces retries and the connection itself proves the listener is up before anything is sent.
package ss_silent_dialretry

import (
	"fmt"
	"io"
	"log"
	"net"
	"time"
)

type forwarder struct {
	listenAddr string
	upstream   string
}

func (f *forwarder) serve() {
	ln, err := net.Listen("tcp", f.listenAddr)
	if err != nil {
		log.Printf("forwarder: %v", err)
		return
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go f.pipe(c)
	}
}

func (f *forwarder) pipe(c net.Conn) {
	defer c.Close()
	up, err := net.Dial("tcp", f.upstream)
	if err != nil {
		return
	}
	defer up.Close()
	go io.Copy(up, c)
	io.Copy(c, up)
}

func connect(addr string, attempts int) (net.Conn, error) {
	backoff := 20 * time.Millisecond
	var lastErr error
	for i := 0; i < attempts; i++ {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			return conn, nil
		}
		lastErr = err
		time.Sleep(backoff)
		if backoff < time.Second {
			backoff *= 2
		}
	}
	return nil, fmt.Errorf("forwarder never came up: %w", lastErr)
}

// Ping starts a local forwarder to upstream and sends one line through it.
func Ping(local, upstream, line string) (string, error) {
	f := &forwarder{listenAddr: local, upstream: upstream}
	go f.serve()

	conn, err := connect(local, 8)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if _, err := fmt.Fprintln(conn, line); err != nil {
		return "", err
	}
	buf := make([]byte, 512)
	n, err := conn.Read(buf)
	return string(buf[:n]), err
}
