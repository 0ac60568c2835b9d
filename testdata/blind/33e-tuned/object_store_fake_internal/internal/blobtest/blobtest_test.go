// GOOD: sequential requests against the fake store.
package blobtest

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func do(t *testing.T, method, url, body string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestPutGetDelete(t *testing.T) {
	s := NewServer()
	defer s.Close()
	u := s.URL + "/photos/cat.txt"

	if resp, _ := do(t, http.MethodPut, u, "meow"); resp.Header.Get("ETag") == "" {
		t.Fatal("PUT returned no ETag")
	}
	if _, body := do(t, http.MethodGet, u, ""); body != "meow" {
		t.Fatalf("GET body = %q", body)
	}
	do(t, http.MethodDelete, u, "")
	if resp, _ := do(t, http.MethodGet, u, ""); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("GET after DELETE: %d", resp.StatusCode)
	}
	if s.Puts() != 1 {
		t.Fatalf("Puts = %d", s.Puts())
	}
}
