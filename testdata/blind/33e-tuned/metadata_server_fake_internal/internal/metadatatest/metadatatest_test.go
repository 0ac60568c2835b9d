// GOOD: one request at a time against the fake metadata server.
package metadatatest

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func get(t *testing.T, f *Fake, path string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, "http://"+f.Host()+prefix+path, nil)
	req.Header.Set("Metadata-Flavor", "Google")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestTokenAndAttributes(t *testing.T) {
	f := New(map[string]string{"cluster-name": "prod-eu"})
	defer f.Close()

	if code, body := get(t, f, "instance/attributes/cluster-name"); code != 200 || body != "prod-eu" {
		t.Fatalf("attribute = %d %q", code, body)
	}
	for i := 0; i < 2; i++ {
		if code, body := get(t, f, "instance/service-accounts/default/token"); code != 200 || !strings.Contains(body, "ya29.fake-") {
			t.Fatalf("token = %d %q", code, body)
		}
	}
	if f.TokenCalls() != 2 {
		t.Fatalf("TokenCalls = %d, want 2", f.TokenCalls())
	}
}
