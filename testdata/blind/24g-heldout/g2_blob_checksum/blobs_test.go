// Correct: mismatches and failed are written only when a goroutine observed a failure, and the test fails whenever they were written.
package g2_blob_checksum

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

func assertZero(t *testing.T, n int, msg string) {
	t.Helper()
	if n != 0 {
		t.Errorf("%s: got %d, want 0", msg, n)
	}
}

func TestPutGetRoundTrip(t *testing.T) {
	s := NewStore()
	var (
		wg         sync.WaitGroup
		mismatches int
	)
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			data := []byte(fmt.Sprintf("payload-%d", i))
			key := s.Put(data)
			got, ok := s.Get(key)
			if !ok || Sum(got) != key {
				mismatches++
			}
		}(i)
	}
	wg.Wait()
	assertZero(t, mismatches, "checksum mismatches")
}

func TestServeConcurrent(t *testing.T) {
	s := NewStore()
	keys := []string{s.Put([]byte("a")), s.Put([]byte("bb")), s.Put([]byte("ccc"))}
	srv := httptest.NewServer(s)
	defer srv.Close()

	var (
		wg     sync.WaitGroup
		failed bool
	)
	for i := 0; i < 30; i++ {
		wg.Add(1)
		go func(key string) {
			defer wg.Done()
			resp, err := srv.Client().Get(srv.URL + "/blobs/" + key)
			if err != nil {
				failed = true
				return
			}
			defer resp.Body.Close()
			body, err := ReadAll(resp.Body)
			if resp.StatusCode != http.StatusOK || err != nil || Sum(body) != key {
				failed = true
			}
		}(keys[i%len(keys)])
	}
	wg.Wait()
	if failed {
		t.Error("at least one concurrent blob fetch failed")
	}
}
