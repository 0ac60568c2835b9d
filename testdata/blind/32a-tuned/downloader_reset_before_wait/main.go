// BAD: Download clears d.err without d.mu after the fetch workers have been started; the
// workers read and set d.err under d.mu through getErr/setErr, so the reset races with them.
package main

import (
	"errors"
	"fmt"
	"log"
	"strings"
	"sync"
)

// Downloader fetches a list of URLs with a fixed pool of workers.
type Downloader struct {
	mu      sync.Mutex
	err     error
	done    int
	workers int
	fetch   func(url string) ([]byte, error)
}

func NewDownloader(workers int, fetch func(string) ([]byte, error)) *Downloader {
	if workers < 1 {
		workers = 1
	}
	return &Downloader{workers: workers, fetch: fetch}
}

func (d *Downloader) setErr(err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err == nil {
		d.err = err
	}
}

func (d *Downloader) getErr() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.err
}

func (d *Downloader) worker(wg *sync.WaitGroup, urls <-chan string, out chan<- []byte) {
	defer wg.Done()
	for u := range urls {
		if d.getErr() != nil {
			continue // drain after the first failure
		}
		body, err := d.fetch(u)
		if err != nil {
			d.setErr(fmt.Errorf("fetch %s: %w", u, err))
			continue
		}
		d.mu.Lock()
		d.done++
		d.mu.Unlock()
		out <- body
	}
}

// Download fetches every URL and returns the bodies in completion order.
func (d *Downloader) Download(urls []string) ([][]byte, error) {
	jobs := make(chan string, len(urls))
	for _, u := range urls {
		jobs <- u
	}
	close(jobs)
	out := make(chan []byte, len(urls))

	var wg sync.WaitGroup
	for i := 0; i < d.workers; i++ {
		wg.Add(1)
		go d.worker(&wg, jobs, out)
	}

	// Forget the failure from the previous batch.
	d.err = nil // want "without holding|races with|no lock"

	wg.Wait()
	close(out)

	var bodies [][]byte
	for b := range out {
		bodies = append(bodies, b)
	}
	return bodies, d.getErr()
}

func main() {
	fake := func(url string) ([]byte, error) {
		if strings.HasSuffix(url, "/missing") {
			return nil, errors.New("404 not found")
		}
		return []byte("<html>" + url + "</html>"), nil
	}
	d := NewDownloader(4, fake)
	for _, batch := range [][]string{
		{"https://a.example/1", "https://a.example/missing"},
		{"https://b.example/1", "https://b.example/2", "https://b.example/3"},
	} {
		bodies, err := d.Download(batch)
		if err != nil {
			log.Printf("batch failed: %v", err)
			continue
		}
		fmt.Printf("downloaded %d pages\n", len(bodies))
	}
}
