// Class 4, BAD: each of the len(addrs) dialers sends once on results, but DialFirst receives only the first result and closes the channel; a slower dialer finishing afterwards sends on the closed channel and panics.
package c4_bad_firstdial

import (
	"context"
	"errors"
	"net"
	"time"
)

type dialResult struct {
	conn net.Conn
	err  error
}

// DialFirst races a connection to every address and keeps the first one.
func DialFirst(ctx context.Context, addrs []string, timeout time.Duration) (net.Conn, error) {
	if len(addrs) == 0 {
		return nil, errors.New("no addresses")
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	results := make(chan dialResult, 1)
	for _, a := range addrs {
		go func(addr string) {
			var d net.Dialer
			c, err := d.DialContext(ctx, "tcp", addr)
			results <- dialResult{conn: c, err: err}
		}(a)
	}

	first := <-results
	close(results) // WANT closebyreceiver
	return first.conn, first.err
}
