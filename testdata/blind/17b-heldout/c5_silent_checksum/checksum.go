package checksum

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
)

type result struct {
	path string
	sum  string
	err  error
}

func hashFile(path string) result {
	f, err := os.Open(path)
	if err != nil {
		return result{path: path, err: err}
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return result{path: path, err: err}
	}
	return result{path: path, sum: hex.EncodeToString(h.Sum(nil))}
}

func Verify(manifest map[string]string) map[string]error {
	results := make(chan result)
	for path := range manifest {
		go func() {
			results <- hashFile(path)
		}()
	}
	bad := make(map[string]error)
	for range manifest {
		r := <-results
		switch {
		case r.err != nil:
			bad[r.path] = r.err
		case r.sum != manifest[r.path]:
			bad[r.path] = os.ErrInvalid
		}
	}
	return bad
}
