package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"sync/atomic"
	"time"
)

type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", err
	}

	var read atomic.Int64
	t := time.NewTicker(500 * time.Millisecond)
	go func() {
		for range t.C {
			fmt.Fprintf(os.Stderr, "\r%s: %3d%%", path, read.Load()*100/max(st.Size(), 1))
		}
	}()

	h := sha256.New()
	if _, err := io.Copy(h, countingReader{f, &read}); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func main() {
	flag.Parse()
	for _, path := range flag.Args() {
		sum, err := hashFile(path)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("\r%s  %s\n", sum, path)
	}
}
