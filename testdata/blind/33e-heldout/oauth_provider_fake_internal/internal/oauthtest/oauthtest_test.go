// GOOD: drives the fake provider one request at a time.
package oauthtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

func postForm(t *testing.T, c *http.Client, u string, v url.Values) *http.Response {
	t.Helper()
	resp, err := c.PostForm(u, v)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func TestAuthorizationCodeFlow(t *testing.T) {
	p := NewProvider()
	defer p.Close()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}

	var reg struct {
		ClientID string `json:"client_id"`
	}
	resp := postForm(t, c, p.URL+"/register", url.Values{"redirect_uri": {"https://app.example/cb"}})
	json.NewDecoder(resp.Body).Decode(&reg)
	resp.Body.Close()

	resp = postForm(t, c, p.URL+"/authorize", url.Values{"client_id": {reg.ClientID}, "state": {"xyz"}})
	resp.Body.Close()
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || loc.Query().Get("state") != "xyz" {
		t.Fatalf("bad redirect %q", resp.Header.Get("Location"))
	}

	var tok struct {
		AccessToken string `json:"access_token"`
	}
	resp = postForm(t, c, p.URL+"/token", url.Values{"code": {loc.Query().Get("code")}})
	json.NewDecoder(resp.Body).Decode(&tok)
	resp.Body.Close()

	if id, ok := p.ClientFor(tok.AccessToken); !ok || id != reg.ClientID {
		t.Fatalf("token issued to %q, want %q", id, reg.ClientID)
	}
}
