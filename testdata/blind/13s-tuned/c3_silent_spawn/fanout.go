package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

type digest struct {
	path string
	sum  string
	err  error
}

// spawnHashers starts n workers that hash the paths received on jobs.
func spawnHashers(wg *sync.WaitGroup, n int, jobs <-chan string, out chan<- digest) {
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				data, err := os.ReadFile(p)
				if err != nil {
					out <- digest{path: p, err: err}
					continue
				}
				h := sha256.Sum256(data)
				out <- digest{path: p, sum: hex.EncodeToString(h[:])}
			}
		}()
	}
}

func hashTree(root string, workers int) (map[string]string, error) {
	jobs := make(chan string)
	out := make(chan digest)
	var wg sync.WaitGroup
	spawnHashers(&wg, workers, jobs, out)

	go func() {
		defer close(jobs)
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				jobs <- p
			}
			return nil
		})
	}()

	go func() {
		wg.Wait()
		close(out)
	}()

	sums := make(map[string]string)
	var firstErr error
	for d := range out {
		if d.err != nil {
			if firstErr == nil {
				firstErr = d.err
			}
			continue
		}
		sums[d.path] = d.sum
	}
	return sums, firstErr
}

func main() {
	root := "."
	if len(os.Args) > 1 {
		root = os.Args[1]
	}
	sums, err := hashTree(root, 4)
	for p, s := range sums {
		fmt.Println(s, p)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
