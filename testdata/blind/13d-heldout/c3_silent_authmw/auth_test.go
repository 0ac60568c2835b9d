package authmw

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestRequireToken(t *testing.T) {
	tokens := map[string]string{"s3cr3t": "ana", "t0k": "bo"}
	cases := []struct {
		name     string
		header   string
		wantCode int
		wantUser string
	}{
		{"no header", "", http.StatusUnauthorized, ""},
		{"wrong scheme", "Basic abc", http.StatusUnauthorized, ""},
		{"unknown", "Bearer nope", http.StatusForbidden, ""},
		{"ana", "Bearer s3cr3t", http.StatusNoContent, "ana"},
		{"bo", "Bearer t0k", http.StatusNoContent, "bo"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			reached := false
			var user string
			next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				reached = true
				user, _ = UserFrom(r.Context())
				w.WriteHeader(http.StatusNoContent)
			})
			h := RequireToken(tokens, next)

			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, "/v1/items", nil)
			if tc.header != "" {
				req.Header.Set("Authorization", tc.header)
			}
			h.ServeHTTP(rec, req)

			if rec.Code != tc.wantCode {
				t.Fatalf("code %d, want %d", rec.Code, tc.wantCode)
			}
			if reached != (tc.wantUser != "") {
				t.Fatalf("next reached=%v", reached)
			}
			if user != tc.wantUser {
				t.Fatalf("user %q, want %q", user, tc.wantUser)
			}
		})
	}
}
