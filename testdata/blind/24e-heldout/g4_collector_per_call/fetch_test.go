package g4_collector_per_call

import (
	"errors"
	"strings"
	"sync"
	"testing"
)

func fakeFetch(u string) (string, error) {
	if strings.Contains(u, "bad") {
		return "", errors.New("503")
	}
	return "body of " + u, nil
}

func TestFetchAllConcurrentCallers(t *testing.T) {
	urls := []string{"a", "bad-b", "c", "d"}
	var wg sync.WaitGroup
	counts := make([]int, 8)
	for i := range counts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[i] = len(FetchAll(urls, fakeFetch))
		}()
	}
	wg.Wait()
	for i, n := range counts {
		if n != len(urls) {
			t.Errorf("caller %d got %d results, want %d", i, n, len(urls))
		}
	}
}

func TestFirstOK(t *testing.T) {
	t.Parallel()
	r, err := FirstOK([]string{"bad-1", "bad-2", "ok"}, fakeFetch)
	if err != nil || r.URL != "ok" {
		t.Fatalf("got (%+v, %v)", r, err)
	}
	if _, err := FirstOK([]string{"bad-1", "bad-2"}, fakeFetch); !errors.Is(err, errNoneOK) {
		t.Fatalf("got %v, want %v", err, errNoneOK)
	}
}
