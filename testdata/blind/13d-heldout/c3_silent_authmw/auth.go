package authmw

import (
	"context"
	"net/http"
	"strings"
)

type ctxKey struct{}

// UserFrom returns the user RequireToken attached to the request context.
func UserFrom(ctx context.Context) (string, bool) {
	u, ok := ctx.Value(ctxKey{}).(string)
	return u, ok
}

// RequireToken rejects requests without a known bearer token and passes
// the rest to next with the token's user in the context.
func RequireToken(tokens map[string]string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || tok == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
			http.Error(w, "missing token", http.StatusUnauthorized)
			return
		}
		user, known := tokens[tok]
		if !known {
			http.Error(w, "unknown token", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, user)))
	})
}
