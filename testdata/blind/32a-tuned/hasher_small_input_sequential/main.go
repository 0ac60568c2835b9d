// GOOD: hashJob is built fresh by HashFiles and run once; the unlocked writes to j.err and
// j.sums happen only on the small-input branch, which hashes on the calling goroutine and
// starts no workers. The fan-out branch locks j.mu for every access and waits for all workers.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

const sequentialThreshold = 4

type hashJob struct {
	mu      sync.Mutex
	files   []string
	workers int
	sums    map[string]string
	err     error
}

func hashFile(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}

func (j *hashJob) record(path, sum string, err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if err != nil {
		if j.err == nil {
			j.err = fmt.Errorf("hash %s: %w", path, err)
		}
		return
	}
	j.sums[path] = sum
}

func (j *hashJob) run() {
	j.sums = make(map[string]string, len(j.files))
	if len(j.files) <= sequentialThreshold {
		for _, f := range j.files {
			sum, err := hashFile(f)
			if err != nil {
				j.err = fmt.Errorf("hash %s: %w", f, err)
				return
			}
			j.sums[f] = sum
		}
		return
	}

	paths := make(chan string)
	var wg sync.WaitGroup
	for i := 0; i < j.workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range paths {
				sum, err := hashFile(p)
				j.record(p, sum, err)
			}
		}()
	}
	for _, f := range j.files {
		paths <- f
	}
	close(paths)
	wg.Wait()
}

// HashFiles returns the SHA-256 of every file, hashing large sets in parallel.
func HashFiles(files []string, workers int) (map[string]string, error) {
	j := &hashJob{files: files, workers: workers}
	j.run()
	return j.sums, j.err
}

func main() {
	dir, err := os.MkdirTemp("", "hasher")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)

	var files []string
	for i := 0; i < 8; i++ {
		p := filepath.Join(dir, fmt.Sprintf("f%d.txt", i))
		if err := os.WriteFile(p, []byte(fmt.Sprintf("content %d", i)), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		files = append(files, p)
	}
	for _, set := range [][]string{files[:2], files} {
		sums, err := HashFiles(set, 3)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		fmt.Printf("hashed %d files\n", len(sums))
	}
}
