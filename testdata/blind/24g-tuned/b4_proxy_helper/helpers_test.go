package b4_proxy_helper

import (
	"io"
	"net/http"
	"sync"
	"testing"
)

// hammer fires n concurrent GETs at url and returns one of the responses
// so callers can inspect headers. Bodies are drained and closed.
func hammer(t *testing.T, client *http.Client, url string, n int) *http.Response {
	t.Helper()
	var (
		wg   sync.WaitGroup
		last *http.Response
	)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := client.Get(url)
			if err != nil {
				t.Errorf("GET %s: %v", url, err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			last = resp // BAD: every successful request overwrites the shared result without synchronization
		}()
	}
	wg.Wait()
	if last == nil {
		t.Fatalf("no successful responses from %s", url)
	}
	return last
}
