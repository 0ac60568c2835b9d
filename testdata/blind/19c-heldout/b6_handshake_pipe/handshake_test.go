package b6_handshake_pipe

import (
	"errors"
	"net"
	"testing"
	"time"
)

type serverSide struct {
	peer string
	err  error
}

func newPipePair(t *testing.T, ident string) (net.Conn, chan serverSide) {
	t.Helper()
	c, s := net.Pipe()
	t.Cleanup(func() { c.Close(); s.Close() })
	res := make(chan serverSide)
	go func() {
		peer, err := ServerHello(s, ident)
		res <- serverSide{peer: peer, err: err} // BAD: expected-error cases return before receiving; send blocks forever
	}()
	return c, res
}

func TestHandshake(t *testing.T) {
	tests := []struct {
		name    string
		version string
		wantErr error
	}{
		{name: "alpha", version: Version},
		{name: "legacy", version: "PROTO/1", wantErr: ErrVersion},
		{name: "beta", version: Version},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, res := newPipePair(t, "srv-1")
			c.SetDeadline(time.Now().Add(time.Second))

			ident, err := ClientHello(c, tc.version, tc.name)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("client hello: %v", err)
			}
			if ident != "srv-1" {
				t.Fatalf("server ident = %q", ident)
			}
			r := <-res
			if r.err != nil || r.peer != tc.name {
				t.Errorf("server saw (%q, %v), want %q", r.peer, r.err, tc.name)
			}
		})
	}
}
