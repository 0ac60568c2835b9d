package fanout

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Digest returns a short content hash used as a cache key.
func Digest(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(strings.TrimSpace(p)))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
