// BAD: fetchWithTimeout returns on the timer without ever receiving from the
// unbuffered result channel, so the goroutine doing the HTTP call blocks forever on its send.
package main

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

var ErrTimeout = errors.New("fetch: timed out")

type result struct {
	body []byte
	err  error
}

type Fetcher struct {
	client  *http.Client
	timeout time.Duration
}

func NewFetcher(timeout time.Duration) *Fetcher {
	return &Fetcher{client: &http.Client{}, timeout: timeout}
}

func (f *Fetcher) get(url string) ([]byte, error) {
	resp, err := f.client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %s: status %d", url, resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}

// FetchWithTimeout fetches url, giving up after f.timeout.
func (f *Fetcher) FetchWithTimeout(url string) ([]byte, error) {
	ch := make(chan result) // want "blocks forever"
	go func() {
		body, err := f.get(url)
		ch <- result{body: body, err: err}
	}()

	select {
	case r := <-ch:
		return r.body, r.err
	case <-time.After(f.timeout):
		return nil, ErrTimeout
	}
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: fetch URL")
		os.Exit(2)
	}
	f := NewFetcher(2 * time.Second)
	body, err := f.FetchWithTimeout(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d bytes\n", len(body))
}
