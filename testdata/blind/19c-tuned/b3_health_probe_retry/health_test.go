package b3_health_probe_retry

import (
	"net"
	"testing"
	"time"
)

type probeResult struct {
	banner string
	err    error
}

// probeWithin runs one probe and gives up after d. An abandoned attempt is
// expected while the server is warming up; the caller simply retries.
func probeWithin(c *Checker, d time.Duration) (string, bool) {
	res := make(chan probeResult)
	go func() {
		b, err := c.Probe()
		res <- probeResult{banner: b, err: err} // BAD: abandoned attempt after timeout leaves this send blocked forever
	}()
	select {
	case r := <-res:
		return r.banner, r.err == nil
	case <-time.After(d):
		return "", false
	}
}

func TestProbeEventuallyHealthy(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go slowBanner(ln, 30*time.Millisecond)

	c := &Checker{Addr: ln.Addr().String()}
	timeout := 10 * time.Millisecond
	for attempt := 1; attempt <= 5; attempt++ {
		if banner, ok := probeWithin(c, timeout); ok {
			if banner != "OK" {
				t.Fatalf("banner = %q", banner)
			}
			return
		}
		t.Logf("attempt %d timed out after %v, backing off", attempt, timeout)
		timeout *= 2
	}
	t.Fatal("endpoint never became healthy")
}
