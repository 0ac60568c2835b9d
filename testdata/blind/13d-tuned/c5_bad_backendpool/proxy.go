package backend

import (
	"io"
	"net"
	"time"
)

// Proxy forwards each client connection to one of the tenant's upstreams.
type Proxy struct {
	Upstreams map[string][]string
	Probe     time.Duration
}

// Serve handles one client connection; the server calls it for every accept.
func (px *Proxy) Serve(client net.Conn, tenant string) error {
	defer client.Close()
	pool := NewPool(px.Upstreams[tenant], px.Probe)
	addr, ok := pool.Pick()
	if !ok {
		addr = px.Upstreams[tenant][0]
	}
	up, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		return err
	}
	defer up.Close()
	go io.Copy(up, client)
	_, err = io.Copy(client, up)
	return err
}

func (px *Proxy) ListenAndServe(ln net.Listener, tenant string) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		go px.Serve(c, tenant)
	}
}
