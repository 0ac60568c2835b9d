package b3_manifest_verify

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sort"
)

// Manifest maps a file path to its expected hex-encoded SHA-256.
type Manifest map[string]string

// Verifier checks files on disk against a manifest.
type Verifier struct {
	open func(path string) (io.ReadCloser, error)
}

// NewVerifier returns a Verifier that reads from the local filesystem.
func NewVerifier() *Verifier {
	return &Verifier{open: func(p string) (io.ReadCloser, error) { return os.Open(p) }}
}

type result struct {
	path string
	err  error
}

func (v *Verifier) hashFile(path string) (string, error) {
	f, err := v.open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Verify hashes every file in the manifest concurrently and returns the
// first problem it sees.
func (v *Verifier) Verify(m Manifest) error {
	paths := make([]string, 0, len(m))
	for p := range m {
		paths = append(paths, p)
	}
	sort.Strings(paths)

	results := make(chan result)
	for _, p := range paths {
		want := m[p]
		go func() {
			sum, err := v.hashFile(p)
			if err == nil && sum != want {
				err = fmt.Errorf("%s: checksum mismatch (got %s, want %s)", p, sum, want)
			}
			results <- result{path: p, err: err} // BAD: Verify returns on the first error, so the remaining per-file goroutines block here forever
		}()
	}

	for range paths {
		r := <-results
		if r.err != nil {
			return fmt.Errorf("verify: %w", r.err)
		}
	}
	return nil
}
