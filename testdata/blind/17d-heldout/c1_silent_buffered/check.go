package dnscheck

import (
	"context"
	"errors"
	"net"
	"time"
)

type Result struct {
	Host  string
	Addrs []string
	Err   error
}

var ErrDeadline = errors.New("dnscheck: lookup deadline exceeded")

type Checker struct {
	Resolver *net.Resolver
	Deadline time.Duration
}

func (c *Checker) Check(host string) Result {
	done := make(chan Result, 1)
	runAsync(func() {
		addrs, err := c.Resolver.LookupHost(context.Background(), host)
		done <- Result{Host: host, Addrs: addrs, Err: err}
	})
	t := time.NewTimer(c.Deadline)
	defer t.Stop()
	select {
	case r := <-done:
		return r
	case <-t.C:
		return Result{Host: host, Err: ErrDeadline}
	}
}
