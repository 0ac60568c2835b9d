package g2_probe_ctx_done

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"
)

func TestProbeRecordsFailure(t *testing.T) {
	c := NewChecker()
	c.Dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
		return nil, errors.New("connection refused")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()

	st, err := c.Probe(ctx, "db:5432")
	if err != nil {
		t.Fatal(err)
	}
	if st.Healthy {
		t.Fatal("expected unhealthy")
	}
	if _, ok := c.Last("db:5432"); !ok {
		t.Fatal("status not recorded")
	}
}
