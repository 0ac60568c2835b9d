// BAD: CheckAll launches a probe goroutine per backend that records failures in the captured
// firstErr under mu, then the caller assigns firstErr itself without mu before wg.Wait, racing
// with probes that are still running.
package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"time"
)

type Backend struct {
	Name string
	Addr string
}

type dialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

func checkResolver(ctx context.Context, host string) error {
	ctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	_, err := net.DefaultResolver.LookupHost(ctx, host)
	return err
}

// CheckAll dials every backend concurrently and returns the number of healthy ones.
func CheckAll(ctx context.Context, canary string, backends []Backend, dial dialFunc) (int, error) {
	var (
		mu       sync.Mutex
		wg       sync.WaitGroup
		healthy  int
		firstErr error
	)
	for _, b := range backends {
		wg.Add(1)
		go func(b Backend) {
			defer wg.Done()
			conn, err := dial(ctx, "tcp", b.Addr)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if firstErr == nil {
					firstErr = fmt.Errorf("%s (%s): %w", b.Name, b.Addr, err)
				}
				return
			}
			conn.Close()
			healthy++
		}(b)
	}

	// While the probes run, make sure name resolution works at all.
	if err := checkResolver(ctx, canary); err != nil {
		firstErr = fmt.Errorf("resolver: %w", err) // want "without holding|races with|no lock"
	}

	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	return healthy, firstErr
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()

	var d net.Dialer
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		if addr == "" {
			return nil, errors.New("no address configured")
		}
		return d.DialContext(ctx, network, addr)
	}
	backends := []Backend{
		{"api", ln.Addr().String()},
		{"cache", ""},
	}
	n, err := CheckAll(context.Background(), "canary.invalid", backends, dial)
	fmt.Printf("%d/%d healthy, err=%v\n", n, len(backends), err)
}
